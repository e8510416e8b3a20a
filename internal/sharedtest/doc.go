// Package sharedtest finds the project's shared data (../shared: the seed
// articles, the real-news set, the gold annotations) for tests. The data
// is never copied into the repository, so a clone without it skips those
// tests, and CI, which has it, sets DIDAR_REQUIRE_SHARED=1 to make them
// fail instead.
//
// It is for tests only and depends on the standard library alone.
package sharedtest
