//go:build unix

package extract

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used: on a shared machine the
// benchmarks report throughput per CPU second beside wall-clock MB/s.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
