//! Simulated work: downloads that wait (blocking and async) and CPU work that really computes.
//!
//! The tutorials' `download_file(url)` sleeps to stand for network latency; so do these. The
//! CPU work is the tutorials' `sum(i * i for i in range(n))`, with `std::hint::black_box` on
//! every term: without it rustc computes the sum in closed form (measured: the "work" took 0 ms).

use std::hint::black_box;
use std::time::{Duration, Instant};

/// A blocking download: the calling thread sleeps for `latency`, as `time.sleep` or
/// `requests.get` would block a Python thread.
pub fn download(latency: Duration) {
    std::thread::sleep(latency);
}

/// An async download: the task yields to its runtime for `latency`, as `await asyncio.sleep`
/// would. Runs on tokio's clock, so a paused test clock simulates it instantly.
pub async fn download_async(latency: Duration) {
    tokio::time::sleep(latency).await;
}

/// The tutorials' `compute_heavy(n)`: the sum of `i * i` for `i` in `0..n` (wrapping, as the
/// point is the work, not the number). Every term passes through `black_box`, so the optimiser
/// can neither precompute the sum nor vectorise the loop away.
pub fn sum_of_squares(n: u64) -> u64 {
    let mut total = 0_u64;
    for i in 0..n {
        let i = black_box(i);
        total = total.wrapping_add(i.wrapping_mul(i));
    }
    total
}

/// How many terms of [`sum_of_squares`] take about `target` on this machine, measured now
/// (the best of three short trials, so a busy moment does not inflate the count much).
pub fn calibrate(target: Duration) -> u64 {
    let trial = 200_000_u64;
    let best = (0..3)
        .map(|_| {
            let started = Instant::now();
            black_box(sum_of_squares(trial));
            started.elapsed()
        })
        .min()
        .unwrap_or(Duration::from_millis(1))
        .max(Duration::from_micros(1));
    let per_term = best.as_secs_f64() / trial as f64;
    ((target.as_secs_f64() / per_term) as u64).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sum_of_squares_is_exact_for_small_n() {
        assert_eq!(sum_of_squares(0), 0);
        assert_eq!(sum_of_squares(4), 1 + 4 + 9);
        let n = 10_000_u64;
        assert_eq!(sum_of_squares(n), (n - 1) * n * (2 * n - 1) / 6);
    }

    #[test]
    fn calibration_gives_a_positive_count() {
        assert!(calibrate(Duration::from_millis(1)) > 0);
    }
}
