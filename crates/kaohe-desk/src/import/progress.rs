//! How a running import reports its progress and learns it is cancelled: the app's progress
//! channel and 取消 button, nothing for the command line ([`Monitor::silent`]).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use kaohe_workbook::ReadProgress;
use serde::Serialize;

use crate::DeskError;

/// Which part of the work the progress is about.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ImportPhase"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Reading the file (rows of the people sheet).
    Read,
    /// Comparing with the database.
    Plan,
    /// Writing into the database (people).
    Write,
}

/// Progress as the app's channel sends it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ImportProgress {
    pub phase: Phase,
    pub done: u64,
    pub total: u64,
}

/// How a running read, check or import reports and learns it is cancelled.
#[derive(Clone)]
pub struct Monitor {
    cancel: Arc<AtomicBool>,
    report: Arc<dyn Fn(ImportProgress) + Send + Sync>,
}

impl Monitor {
    pub fn new(cancel: Arc<AtomicBool>, report: impl Fn(ImportProgress) + Send + Sync + 'static) -> Monitor {
        Monitor { cancel, report: Arc::new(report) }
    }

    /// Reports nothing and is never cancelled (the command line).
    pub fn silent() -> Monitor {
        Monitor::new(Arc::new(AtomicBool::new(false)), |_| {})
    }

    /// Reports; `false` when the clerk cancelled.
    pub fn tell(&self, phase: Phase, done: u64, total: u64) -> bool {
        (self.report)(ImportProgress { phase, done, total });
        !self.cancel.load(Ordering::SeqCst)
    }

    /// [`DeskError::Cancelled`] once the clerk cancelled.
    pub(crate) fn check(&self) -> Result<(), DeskError> {
        match self.cancel.load(Ordering::SeqCst) {
            true => Err(DeskError::Cancelled),
            false => Ok(()),
        }
    }

    pub(crate) fn read_progress(&self) -> ReadProgress {
        let me = self.clone();
        ReadProgress(Arc::new(move |done, total| me.tell(Phase::Read, u64::from(done), u64::from(total))))
    }
}
