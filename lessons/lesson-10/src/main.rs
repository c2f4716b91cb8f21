//! Lesson 10: web scraping over real HTTP, on this machine.
//!
//! Starts a real HTTP server on 127.0.0.1 (a generated site) and fetches the same pages one
//! after another, with thread pools of 10 and of Python's default size (blocking `ureq`, one
//! agent), and as async tasks (`reqwest`, one client) with limits of 10, 50 and 200: the time
//! against the ideal (pages x latency / limit), the most requests the *server* handled at once,
//! the connections it accepted for the requests it answered, and the peak memory of each run.
//!
//! Run it: `cargo run -p lesson-10` (add `--quick`, `--json`, `--svg FILE`, `--trace FILE`).
//! Crawl a site on this machine: `cargo run -p lesson-10 -- crawl URL --max-pages N --limit K
//! --timeout-ms T [--json]` (any host but 127.0.0.0/8, ::1 and localhost is refused).

use instruments::Lesson;
use instruments::compare::Columns;
use lesson_10::measure::{KEYS, Plan, compare, connection_spans, figures, memory_main, memory_of};
use lesson_10::measure::{python_pool, verdicts};
use lesson_10::{Server, crawler};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("crawl") => std::process::exit(crawler::main(args[1..].to_vec())),
        Some("memory") => std::process::exit(memory_main(&args[2..])),
        _ => {}
    }
    let mut lesson = Lesson::start("lesson-10", "Web scraping");
    let plan = Plan::new(lesson.quick());
    let server = Server::start(plan.site());
    lesson.say(format!(
        "{} pages of {} ms each from {}, fetched six ways:\n",
        plan.pages,
        plan.latency.as_millis(),
        server.base()
    ));
    let compared = compare(&server, &plan);
    // Memory in a fresh process per variant: in this one, each run reuses what the last freed.
    let memory = KEYS.map(|key| memory_of(key, &server, &plan));
    compared.rows(&mut lesson, Columns::default(), |run| {
        let index = KEYS.iter().position(|key| *key == run.key);
        figures(&plan, run, index.and_then(|i| memory[i]))
    });
    match python_pool(&server, &plan) {
        Ok(row) => lesson.measure(row),
        Err(why) => lesson.say(why),
    }
    for key in ["pool_10", "async_10"] {
        let run = compared.get(key); // drawn from the server's log: one row per connection
        let title = format!("{}, at the server", run.name);
        lesson.timeline(title, connection_spans(&run.value.log));
    }
    lesson.draw_timelines();
    lesson.print_table();
    verdicts(&mut lesson, &plan, &compared);
    drop(server); // stops the server and joins its thread
    std::process::exit(lesson.finish());
}
