// Package jalali finds dates in Persian news text and converts between the
// Solar Hijri (jalali), Gregorian and lunar Hijri calendars.
//
// Find reads every date expression of a text: absolute dates in any of the
// three calendars ("۱۴ آذرماه۱۴۰۲", "26 آبان 1404", "۱۷ نوامبر ۲۰۲۵",
// "۱۵ شعبان ۱۴۴۵", "1402/09/14"), with an optional weekday that is checked
// against the date and an optional time of day; relative expressions
// ("دیروز", "هفته گذشته", "سه روز پیش") and bare weekdays ("روز دوشنبه"),
// which are resolved against the publication date and never against the
// clock. Dateline picks the publication date from the header of an
// article or from an explicit "تاریخ انتشار" label.
//
// Conventions:
//   - A zero Date means unresolved; its Precision is then PrecisionNone.
//     Day and month without a year, relative words and bare weekdays stay
//     unresolved when the publication date is unknown.
//   - A month-precision date is the first day of that month, and a
//     year-precision date the first day of that year, each in the calendar
//     the text used (1 Farvardin, 1 January or 1 Muharram), converted to
//     Gregorian.
//   - A day and month without a year take the year that puts them last on
//     or before publication plus a week (announcements run a few days
//     ahead). A two-digit year ending the phrase ("۲۲ بهمن ۵۷") is read
//     in the 1300s or 1400s, whichever is not after publication.
//   - The first day of a range ("۱۳ تا ۱۵ آذر") is an expression of its
//     own with the month and year of the last.
//   - A weekday written with a date is checked; on disagreement the date
//     is kept and Mismatch says what the text named and what the date is.
//   - Week expressions ("هفته گذشته") are the publication date moved by
//     seven days, with Approx set; "ماه گذشته" and "سال گذشته" are
//     Solar Hijri months and years (Gregorian when "میلادی" follows).
//   - A count of months or years with گذشته or اخیر ("در ۵۰ سال گذشته")
//     is a period, not a date, and is not returned.
//   - Offsets are rune offsets into the text given, end exclusive.
//
// Solar Hijri conversion uses github.com/yaa110/go-persian-calendar. The
// lunar Hijri calendar is the tabular (arithmetic) Islamic calendar; Iran
// fixes lunar months by sighting the moon, so a converted lunar date can
// differ by a day or two from the official one.
//
// The words the finder knows (month names, weekdays, relative words, cues)
// are in lexicon.txt, embedded, and can be extended with Lexicon.Load.
//
// The package depends on the root package didar and the calendar library
// only; it knows nothing of actors or events.
package jalali
