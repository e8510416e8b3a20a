package sqlstore

// SetRemote lets tests run an embedded database as if it were a server,
// to cover the batch reads a server dialect makes.
func SetRemote(s *Store, remote bool) { s.d.Remote = remote }
