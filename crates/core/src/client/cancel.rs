//! Cancellation that works the same natively and in the browser; the JS package ties an
//! `AbortSignal` to it.

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::sync::{Arc, Mutex};

/// A cheap, cloneable handle; cancelling it ends every call that was given a clone.
#[derive(Clone, Debug, Default)]
pub struct CancelToken(Arc<Mutex<Inner>>);

#[derive(Debug, Default)]
struct Inner {
    cancelled: bool,
    wakers: Vec<Waker>,
}

impl CancelToken {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn cancel(&self) {
        let wakers = {
            let mut inner = self.0.lock().unwrap_or_else(|e| e.into_inner());
            inner.cancelled = true;
            std::mem::take(&mut inner.wakers)
        };
        wakers.into_iter().for_each(Waker::wake);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).cancelled
    }

    /// Completes when the token is cancelled.
    pub fn cancelled(&self) -> Cancelled {
        Cancelled(self.clone())
    }
}

/// The future of [`CancelToken::cancelled`].
pub struct Cancelled(CancelToken);

impl Future for Cancelled {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut inner = (self.0).0.lock().unwrap_or_else(|e| e.into_inner());
        if inner.cancelled {
            Poll::Ready(())
        } else {
            if !inner.wakers.iter().any(|w| w.will_wake(cx.waker())) {
                inner.wakers.push(cx.waker().clone());
            }
            Poll::Pending
        }
    }
}
