// WRONG [result]: an attempt that timed out is reported as `Unavailable` (a 503) instead of `TimedOut`: it is retried all the same, but the error given up with says the server answered busy when it never answered. => "not a 503"
// REPLACE
                Err(_elapsed) => FetchError::new(server.address(), ErrorKind::TimedOut),
// WITH
                Err(_elapsed) => FetchError::new(server.address(), ErrorKind::Unavailable),
// END
