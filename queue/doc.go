// Package queue hands articles to extraction workers through NATS
// JetStream, so that a corpus too large for one process is coded by
// workers on many machines saving into one PostgreSQL store.
//
// Publishers (didar ingest, watch and recode with --queue) put one Job
// per article on a stream with work-queue retention: a message leaves
// the stream when a worker acknowledges it. The message id is the
// article's content hash, so that JetStream drops an article published
// again within the duplicate window. Workers pull batches from one
// shared durable consumer and acknowledge a message only after its
// article is committed; a worker that dies leaves its messages
// unacknowledged, and JetStream redelivers them to another worker after
// the ack wait. A job that fails is retried after a backoff a bounded
// number of times, then moved with its error to a dead-letter stream,
// from which Retry puts it back. Workers report their counts and rates
// to a key-value bucket that Status reads.
//
// The package knows jobs, not how they are coded or stored: the worker's
// handler does that. It depends on the root package, extract (for the
// Input a job carries) and the NATS client; never on a store or on
// ingest.
package queue
