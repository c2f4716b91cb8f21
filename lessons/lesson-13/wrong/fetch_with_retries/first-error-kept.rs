// WRONG [first-error]: the first attempt's error is kept and returned when the retries run out, so a call whose last attempt timed out reports the 503 from the start. => "the *last* attempt's error"
// REPLACE
        let mut retries_left = policy.retries;
// WITH
        let mut retries_left = policy.retries;
        let mut first_error = None;
// END
// REPLACE
            if !error.kind.is_transient() || retries_left == 0 {
                return Err(error);
            }
// WITH
            let first = first_error.get_or_insert(error.clone()).clone();
            if !error.kind.is_transient() {
                return Err(error);
            }
            if retries_left == 0 {
                return Err(first);
            }
// END
