// WRONG [leak]: at the first error the JoinSet's tasks are detached (`detach_all`) "so they can finish cleanly" before the error is returned: detached, they run on to the end, and nobody reads what they fetched. => "left running"
// REPLACE
        pages[index] = Some(result?);
// WITH
        match result {
            Ok(page) => pages[index] = Some(page),
            Err(error) => {
                tasks.detach_all();
                return Err(error);
            }
        }
// END
