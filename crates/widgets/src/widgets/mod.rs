//! One module per custom element; each has `view(attrs) -> AnyView`.

pub mod approvals;
pub mod hours_chart;
pub mod leave_calendar;
pub mod team_status;
pub mod timer;
