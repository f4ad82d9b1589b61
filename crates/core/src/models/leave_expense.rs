//! Leaves and expenses.

use serde::Serialize;
use webwork_derive::FromJson;

use super::{ExpenseType, LeavePeriod, LeavePolicyKind, LeaveStatus, YesNo};

/// A leave request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Leave {
    /// A UUID.
    pub id: String,
    pub user_id: Option<u64>,
    pub status: LeaveStatus,
    pub note: Option<String>,
    pub is_paid: YesNo,
    pub created_by: Option<u64>,
    pub approved_by: Option<u64>,
    pub rejected_by: Option<u64>,
    pub reject_reason: Option<String>,
    /// `YYYY-MM-DD`.
    pub start_date: Option<String>,
    /// `YYYY-MM-DD` (the docs cut off after `start_date`; inferred).
    pub end_date: Option<String>,
    /// Inferred, as `end_date`.
    pub policy_id: Option<u64>,
    /// Inferred.
    pub policy_name: Option<String>,
    /// Inferred.
    pub leave_period: Option<LeavePeriod>,
    /// `HH:mm` for hour-based policies (inferred).
    pub start_time: Option<String>,
    /// `HH:mm` for hour-based policies (inferred).
    pub end_time: Option<String>,
    /// Days taken, half days as 0.5 (inferred).
    pub days: Option<f64>,
    /// Hours taken for hour-based policies (inferred).
    pub hours: Option<f64>,
    pub created_at: Option<String>,
}

/// Leave balances of one member over a date window.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct LeaveBalance {
    pub user_id: u64,
    pub user_name: String,
    pub leave_information: Vec<LeaveBalanceEntry>,
    /// e.g. `10 days`, when the workspace counts one total.
    pub total_balance: Option<String>,
}

/// The balance of one leave type, as the API formats it (`10 days`, `7.5 hours`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct LeaveBalanceEntry {
    pub leave_type: String,
    pub balance: String,
    /// Inferred: lets a client link a balance to its policy.
    pub policy_id: Option<u64>,
}

impl LeaveBalanceEntry {
    /// The leading number of `balance` (`"10 days"` -> 10.0), when there is one.
    pub fn amount(&self) -> Option<f64> {
        crate::number::parse_number(self.balance.split_whitespace().next()?)
    }
}

/// A leave policy (leave type). Not documented by the vendor: every field here is inferred.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct LeavePolicy {
    pub id: u64,
    pub name: String,
    pub kind: LeavePolicyKind,
    pub is_paid: YesNo,
    /// Days (or hours, for hour-based policies) granted per year.
    pub allowance: Option<f64>,
    pub color: Option<String>,
}

/// An expense.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Expense {
    /// A UUID.
    pub id: String,
    /// The member's full name.
    pub member: Option<String>,
    /// A display date such as `Jan 15, 2024`.
    pub expense_date: Option<String>,
    pub expense_name: String,
    /// The project's name.
    pub project: Option<String>,
    /// The category's name.
    pub category: Option<String>,
    pub amount: f64,
    pub note: Option<String>,
    #[serde(rename = "type")]
    pub expense_type: ExpenseType,
    /// A display date (spelled `added_dte` by the API).
    pub added_dte: Option<String>,
    /// Inferred: the ids behind the display names, which our sandbox also sends.
    pub user_id: Option<u64>,
    pub project_id: Option<u64>,
    pub category_id: Option<String>,
    /// Inferred: `YYYY-MM-DD` of the expense.
    pub date: Option<String>,
}

/// An expense category. Not documented by the vendor beyond its UUID: inferred.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ExpenseCategory {
    pub id: String,
    pub name: String,
    pub color: Option<String>,
}
