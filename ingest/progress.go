package ingest

import (
	"fmt"
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
)

// Progress follows a run: Start with the number of inputs, Step after
// each, Finish at the end.
type Progress interface {
	Start(total int)
	Step(s *Summary)
	Finish()
}

// Bar draws a progress bar with rate and ETA, for a terminal.
type Bar struct {
	W    io.Writer
	What string // "ingest" when empty
	bar  *progressbar.ProgressBar
}

func (b *Bar) Start(total int) {
	b.bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(b.W), progressbar.OptionSetDescription(label(b.What)),
		progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("inputs"),
		progressbar.OptionSetPredictTime(true), progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish())
}

func (b *Bar) Step(s *Summary) {
	b.bar.Describe(fmt.Sprintf("%s: %d new, %d present, %d failed", label(b.What), s.Ingested, s.Present, s.Failed))
	b.bar.Add(1)
}

func (b *Bar) Finish() { b.bar.Finish() }

// Lines logs progress as plain lines, at most one per Every, for logs
// and pipes.
type Lines struct {
	W     io.Writer
	What  string // "ingest" when empty
	Every time.Duration

	total, done int
	start, last time.Time
}

func (l *Lines) Start(total int) { l.total, l.start, l.last = total, time.Now(), time.Now() }

func (l *Lines) Step(s *Summary) {
	l.done++
	if time.Since(l.last) < l.Every && l.done < l.total {
		return
	}
	l.last = time.Now()
	rate := float64(l.done) / time.Since(l.start).Seconds()
	eta := ""
	if rate > 0 && l.done < l.total {
		eta = fmt.Sprintf(", about %s left", (time.Duration(float64(l.total-l.done)/rate) * time.Second).Round(time.Second))
	}
	fmt.Fprintf(l.W, "%s: %d/%d inputs (%.1f/s%s): %d new, %d present, %d failed\n",
		label(l.What), l.done, l.total, rate, eta, s.Ingested, s.Present, s.Failed)
}

func (l *Lines) Finish() {}

func label(what string) string {
	if what == "" {
		return "ingest"
	}
	return what
}
