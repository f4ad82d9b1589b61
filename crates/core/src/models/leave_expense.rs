//! Leaves and expenses.

use serde::{Deserialize, Serialize};

use super::lenient;
use super::{ExpenseType, LeavePeriod, LeavePolicyKind, LeaveStatus, YesNo};

/// A leave request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Leave {
    /// A UUID.
    #[serde(deserialize_with = "lenient::string")]
    pub id: String,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub user_id: Option<u64>,
    pub status: LeaveStatus,
    pub note: Option<String>,
    pub is_paid: YesNo,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub created_by: Option<u64>,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub approved_by: Option<u64>,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub rejected_by: Option<u64>,
    pub reject_reason: Option<String>,
    /// `YYYY-MM-DD`.
    pub start_date: Option<String>,
    /// `YYYY-MM-DD` (the docs cut off after `start_date`; inferred).
    pub end_date: Option<String>,
    /// Inferred, as `end_date`.
    #[serde(deserialize_with = "lenient::opt_num")]
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
    #[serde(deserialize_with = "lenient::opt_num")]
    pub days: Option<f64>,
    /// Hours taken for hour-based policies (inferred).
    #[serde(deserialize_with = "lenient::opt_num")]
    pub hours: Option<f64>,
    pub created_at: Option<String>,
}

/// Leave balances of one member over a date window.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct LeaveBalance {
    #[serde(deserialize_with = "lenient::num")]
    pub user_id: u64,
    pub user_name: String,
    #[serde(deserialize_with = "lenient::list")]
    pub leave_information: Vec<LeaveBalanceEntry>,
    /// e.g. `10 days`, when the workspace counts one total.
    pub total_balance: Option<String>,
}

/// The balance of one leave type, as the API formats it (`10 days`, `7.5 hours`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct LeaveBalanceEntry {
    pub leave_type: String,
    pub balance: String,
    /// Inferred: lets a client link a balance to its policy.
    #[serde(deserialize_with = "lenient::opt_num")]
    pub policy_id: Option<u64>,
}

impl LeaveBalanceEntry {
    /// The leading number of `balance` (`"10 days"` -> 10.0), when there is one.
    pub fn amount(&self) -> Option<f64> {
        crate::number::parse_number(self.balance.split_whitespace().next()?)
    }
}

/// A leave policy (leave type). Not documented by the vendor: every field here is inferred.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct LeavePolicy {
    #[serde(deserialize_with = "lenient::num")]
    pub id: u64,
    pub name: String,
    pub kind: LeavePolicyKind,
    pub is_paid: YesNo,
    /// Days (or hours, for hour-based policies) granted per year.
    #[serde(deserialize_with = "lenient::opt_num")]
    pub allowance: Option<f64>,
    pub color: Option<String>,
}

/// An expense.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Expense {
    /// A UUID.
    #[serde(deserialize_with = "lenient::string")]
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
    #[serde(deserialize_with = "lenient::num")]
    pub amount: f64,
    pub note: Option<String>,
    #[serde(rename = "type")]
    pub expense_type: ExpenseType,
    /// A display date (spelled `added_dte` by the API).
    pub added_dte: Option<String>,
    /// Inferred: the ids behind the display names, which our sandbox also sends.
    #[serde(deserialize_with = "lenient::opt_num")]
    pub user_id: Option<u64>,
    #[serde(deserialize_with = "lenient::opt_num")]
    pub project_id: Option<u64>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub category_id: Option<String>,
    /// Inferred: `YYYY-MM-DD` of the expense.
    pub date: Option<String>,
}

/// An expense category. Not documented by the vendor beyond its UUID: inferred.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ExpenseCategory {
    #[serde(deserialize_with = "lenient::string")]
    pub id: String,
    pub name: String,
    pub color: Option<String>,
}
