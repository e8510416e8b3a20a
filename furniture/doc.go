// Package furniture finds the page furniture and agency boilerplate of a
// scraped article: a leading "date YYYY-MM-DD" that a scraper put there,
// copyright and share lines, calls to join a channel, advertisement
// markers, comment forms, menus, lists of related stories, everything
// after the agency's end mark (انتهای پیام) and a headline repeated. The
// extractor masks what Find returns so that none of it becomes an actor,
// a quote or an event, while the stored text keeps it and offsets still
// refer to that text.
//
// The phrases are in lines.txt (embedded), one a line with its kind.
// Find works on the display form of normalize.Text and depends on the
// standard library and normalize only.
package furniture
