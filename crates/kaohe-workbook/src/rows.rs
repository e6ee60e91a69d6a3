//! How far a result workbook is written, for a progress bar: its rows of people counted as they
//! are written, told every [`STEP`] rows and at the last. The file is then saved — compressed in
//! one go, which the count cannot follow.

/// Rows between two reports.
pub const STEP: u64 = 1000;

/// Told `(rows written, rows in all)`.
pub type Tell<'a> = &'a dyn Fn(u64, u64);

/// The count of one workbook's rows of people.
pub struct Rows<'a> {
    done: u64,
    total: u64,
    tell: Tell<'a>,
}

impl<'a> Rows<'a> {
    pub(crate) fn new(total: usize, tell: Tell<'a>) -> Rows<'a> {
        Rows { done: 0, total: total as u64, tell }
    }

    /// One more row written.
    pub(crate) fn row(&mut self) {
        self.done += 1;
        if self.done.is_multiple_of(STEP) || self.done == self.total {
            (self.tell)(self.done, self.total);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn told_every_thousand_rows_and_at_the_last() {
        let told = std::cell::RefCell::new(Vec::new());
        let tell = |done, total| told.borrow_mut().push((done, total));
        let mut rows = Rows::new(2500, &tell);
        (0..2500).for_each(|_| rows.row());
        assert_eq!(told.into_inner(), [(1000, 2500), (2000, 2500), (2500, 2500)]);
    }
}
