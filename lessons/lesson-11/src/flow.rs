//! The lesson's world: urls that download pages (from the lesson's HTTP server, or simulated),
//! an analyser that does real CPU work on each page, a heartbeat task that says how responsive
//! the runtime stayed, and [`Flow`], the counters that see the queue between the two stages.
//!
//! [`Flow`] counts, in the order things happened (no clock involved): pages downloaded, analyses
//! started, analyses running. A page is *waiting* from the end of its download to the start of
//! its analysis: in a channel, in a task's hands, in a pool's queue. The most pages waiting at
//! once is the memory the pipeline holds beyond its workers, and a bounded channel bounds it.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use instruments::{Recorder, work};

/// The label of a download's span.
pub const DOWNLOAD: &str = "download";
/// The label of an analysis's span.
pub const ANALYSE: &str = "analyse";

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Counts {
    downloaded: usize,
    started: usize,
    running: usize,
    peak_waiting: usize,
    peak_running: usize,
    downloaded_at_first_analysis: Option<usize>,
}

/// The counters a pipeline run shares between its urls and its analyser, with its recorder.
#[derive(Debug, Clone, Default)]
pub struct Flow {
    recorder: Recorder,
    counts: Arc<Mutex<Counts>>,
}

/// What a [`Flow`] counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figures {
    /// Pages downloaded.
    pub downloaded: usize,
    /// Analyses started.
    pub analysed: usize,
    /// The most pages waiting at once: downloaded, their analysis not yet started.
    pub peak_waiting: usize,
    /// Analyses running now.
    pub running: usize,
    /// The most analyses running at once.
    pub peak_running: usize,
    /// How many pages had been downloaded when the first analysis started (`None`: none did).
    pub downloaded_at_first_analysis: Option<usize>,
}

impl Flow {
    /// A flow recording its downloads and analyses in `recorder`.
    pub fn new(recorder: &Recorder) -> Flow {
        Flow {
            recorder: recorder.clone(),
            counts: Arc::default(),
        }
    }

    /// Where the spans go.
    pub fn recorder(&self) -> &Recorder {
        &self.recorder
    }

    fn counts(&self) -> MutexGuard<'_, Counts> {
        // Every update below is a few statements on plain integers: a panic cannot leave the
        // counts half-updated in a way that matters.
        self.counts.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// What was counted so far.
    pub fn figures(&self) -> Figures {
        let counts = *self.counts();
        Figures {
            downloaded: counts.downloaded,
            analysed: counts.started,
            peak_waiting: counts.peak_waiting,
            running: counts.running,
            peak_running: counts.peak_running,
            downloaded_at_first_analysis: counts.downloaded_at_first_analysis,
        }
    }

    fn page_downloaded(&self) {
        let mut counts = self.counts();
        counts.downloaded += 1;
        let waiting = counts.downloaded - counts.started;
        counts.peak_waiting = counts.peak_waiting.max(waiting);
    }

    fn analysis_started(&self) -> Running {
        let mut counts = self.counts();
        if counts.started == 0 {
            counts.downloaded_at_first_analysis = Some(counts.downloaded);
        }
        counts.started += 1;
        counts.running += 1;
        counts.peak_running = counts.peak_running.max(counts.running);
        Running { flow: self.clone() }
    }
}

/// An analysis in progress; it ends when dropped.
struct Running {
    flow: Flow,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.flow.counts().running -= 1;
    }
}

/// How a url's body is fetched: from the lesson's HTTP server, or a simulated wait.
pub type Fetch = Arc<dyn Fn(String) -> Pin<Box<dyn Future<Output = String> + Send>> + Send + Sync>;

/// A page to download. It knows how to fetch itself and where to count it.
#[derive(Clone)]
pub struct Url {
    address: String,
    fetch: Fetch,
    flow: Flow,
}

impl fmt::Debug for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Url")
            .field("address", &self.address)
            .finish()
    }
}

impl Url {
    /// A url fetched by `fetch`, counted in `flow`.
    pub fn new(address: impl Into<String>, fetch: Fetch, flow: &Flow) -> Url {
        Url {
            address: address.into(),
            fetch,
            flow: flow.clone(),
        }
    }

    /// A simulated url: its download waits `latency` on tokio's clock (a paused test clock
    /// makes it instant) and gives a page of a few words.
    pub fn simulated(address: impl Into<String>, latency: Duration, flow: &Flow) -> Url {
        let fetch: Fetch = Arc::new(move |address| {
            Box::pin(async move {
                work::download_async(latency).await;
                format!("the contents of {address}")
            })
        });
        Url::new(address, fetch, flow)
    }

    /// Where the page lives.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// Downloads the page without blocking: while it waits, the runtime runs other tasks.
    pub async fn download(&self) -> Page {
        let _span = self.flow.recorder.span(self.address.clone(), DOWNLOAD);
        let body = (self.fetch)(self.address.clone()).await;
        self.flow.page_downloaded();
        Page {
            url: self.address.clone(),
            body,
        }
    }
}

/// A downloaded page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The address it came from.
    pub url: String,
    /// Its text.
    pub body: String,
}

/// What the analysis of one page found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The page's address.
    pub url: String,
    /// How many words the page has.
    pub words: usize,
    /// A checksum of the page's words and of the CPU work done on it.
    pub checksum: u64,
}

/// A hook a check runs at the start of every analysis, inside it (see [`Analyser::with_hook`]).
pub type Hook = Arc<dyn Fn(&Page) + Send + Sync>;

/// The CPU-bound stage: each analysis counts the page's words and computes `terms` terms of the
/// tutorials' `sum(i * i for i in range(n))`, real work that holds a core. Clone it freely.
#[derive(Clone)]
pub struct Analyser {
    terms: u64,
    flow: Flow,
    hook: Option<Hook>,
}

impl fmt::Debug for Analyser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Analyser")
            .field("terms", &self.terms)
            .finish()
    }
}

impl Analyser {
    /// An analyser doing `terms` terms of work per page, counted in `flow`.
    pub fn new(terms: u64, flow: &Flow) -> Analyser {
        Analyser {
            terms,
            flow: flow.clone(),
            hook: None,
        }
    }

    /// The same analyser, running `hook` at the start of every analysis (for checks: to hold an
    /// analysis back, or to see what runs meanwhile).
    pub fn with_hook(mut self, hook: Hook) -> Analyser {
        self.hook = Some(hook);
        self
    }

    /// Analyses one page: blocking, CPU-bound work. Call it from a thread that may block (a
    /// rayon worker, `spawn_blocking`), never from an async task on the runtime's threads.
    pub fn analyse(&self, page: Page) -> Report {
        let _running = self.flow.analysis_started();
        let _span = self.flow.recorder.span(page.url.clone(), ANALYSE);
        if let Some(hook) = &self.hook {
            hook(&page);
        }
        let words = page.body.split_whitespace().count();
        let checksum = work::sum_of_squares(self.terms).wrapping_add(words as u64);
        Report {
            url: page.url,
            words,
            checksum,
        }
    }
}
