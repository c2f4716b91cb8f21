//! Facts about the code the chapter shows (src/lib.rs). These pass as shipped; the learner's
//! checks are in tests/exercises.rs.

use instruments::summary::{distinct_threads, max_concurrent};
use instruments::{Recorder, work};
use lesson_07::*;

#[test]
fn par_iter_keeps_the_input_order() {
    let pool = worker_pool(2);
    let sizes = [30_000, 10, 20_000];
    let recorder = Recorder::new();
    let answers = compute_all_parallel(&pool, &sizes, &recorder);
    let expected: Vec<u64> = sizes.iter().map(|&n| work::sum_of_squares(n)).collect();
    assert_eq!(answers, expected);
    assert_eq!(compute_all_sequential(&sizes, &Recorder::new()), expected);
    assert_eq!(recorder.spans_labelled("compute").len(), 3);
}

#[test]
fn both_splits_do_every_term_once() {
    let jobs = uneven_jobs(3_000, 100, 30);
    let total: u64 = jobs.iter().sum();
    assert_eq!(static_slices(&jobs, 2, &Recorder::new()), total);
    let pool = worker_pool(2);
    let recorder = Recorder::new();
    assert_eq!(pool.install(|| work_stealing(&jobs, &recorder)), total);
    assert_eq!(recorder.spans().len(), 31);
    assert_eq!(busiest_slice(&jobs, 2), 3_000 + 15 * 100);
    assert_eq!(balanced_load(&jobs, 2), 3_000);
    assert_eq!(balanced_load(&[10, 10, 10, 10], 2), 20);
}

#[test]
fn a_pool_of_six_downloads_six_at_a_time() {
    let pool = worker_pool(6);
    let recorder = Recorder::new();
    download_all(&pool, 20, std::time::Duration::from_millis(20), &recorder);
    let spans = recorder.spans_labelled("download");
    assert_eq!(spans.len(), 20);
    assert!(max_concurrent(&spans) <= 6);
    assert!(distinct_threads(&spans) <= 6);
}

#[test]
fn the_same_work_however_many_threads() {
    for threads in [1, 3, 64] {
        let recorder = Recorder::new();
        assert_eq!(split_over_threads(1_000, threads, &recorder), 1_000);
        assert_eq!(recorder.spans().len(), threads);
    }
}

#[test]
fn the_speedup_picture_has_a_point_per_pool_size() {
    let points = [
        CurvePoint {
            workers: 1,
            seconds: 1.0,
            speedup: 1.0,
        },
        CurvePoint {
            workers: 2,
            seconds: 0.5,
            speedup: 2.0,
        },
        CurvePoint {
            workers: 4,
            seconds: 0.5,
            speedup: 2.0,
        },
    ];
    let drawn = speedup_svg(&points, 2);
    assert!(drawn.starts_with("<svg"));
    assert_eq!(drawn.matches("<circle").count(), 3);
}

#[test]
fn count_letters_counts_lowercased_letters_of_every_script() {
    let mut counts = std::collections::HashMap::new();
    let recorder = Recorder::new();
    for text in ["Straße, Äpfel: 3 Bäcker!", "ΛΌΓΟΣ ς", "Ёж — 1975", "İı"] {
        count_letters(text, &mut counts, &recorder);
    }
    let count = |c: char| counts.get(&c).copied().unwrap_or(0);
    // 'ß' is a lowercase letter of its own; 'Ä' counts as 'ä'; 'Σ' as 'σ' (char by char, no
    // final-sigma rule); 'İ' lowercases to 'i' plus U+0307, both counted; 'ı' stays itself.
    assert_eq!(
        (count('ß'), count('ä'), count('σ'), count('ς')),
        (1, 2, 1, 1)
    );
    assert_eq!(
        (count('ё'), count('i'), count('\u{307}'), count('ı')),
        (1, 1, 1, 1)
    );
    assert!(
        ['3', ',', ':', '!', ' ', '—']
            .iter()
            .all(|c| !counts.contains_key(c))
    );
    assert_eq!(
        recorder.spans_labelled("count").len(),
        4,
        "one span per call"
    );
}
