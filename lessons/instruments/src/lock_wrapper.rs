//! What every lock wrapper in the workbook shares: [`interleaving`](crate::interleaving)'s
//! recorded loom locks, [`waitfor`](crate::waitfor)'s tracked std locks, and a lesson check's
//! own `mod sync` that picks one of them. Each wraps another `Mutex`, guard and `Condvar` to
//! record what they do, and needs the same plumbing around that: a poisoned result mapped to
//! the wrapper's guard, `Default` and `Debug`, a guard that dereferences to the value, and
//! `Condvar::wait_while` in terms of the wrapper's own `wait`. Written once here.

use std::sync::{LockResult, PoisonError, TryLockError, TryLockResult};

/// `result` with its guard (also inside a `PoisonError`) wrapped by `wrap`.
pub fn map_lock<G, T>(result: LockResult<G>, wrap: impl FnOnce(G) -> T) -> LockResult<T> {
    match result {
        Ok(guard) => Ok(wrap(guard)),
        Err(poisoned) => Err(PoisonError::new(wrap(poisoned.into_inner()))),
    }
}

/// [`map_lock`] for `try_lock`: `WouldBlock` stays `WouldBlock`.
pub fn map_try_lock<G, T>(result: TryLockResult<G>, wrap: impl FnOnce(G) -> T) -> TryLockResult<T> {
    match result {
        Ok(guard) => Ok(wrap(guard)),
        Err(TryLockError::WouldBlock) => Err(TryLockError::WouldBlock),
        Err(TryLockError::Poisoned(poisoned)) => Err(TryLockError::Poisoned(PoisonError::new(
            wrap(poisoned.into_inner()),
        ))),
    }
}

/// For a wrapper `Mutex<T>` (with `Mutex::new`) and its `MutexGuard<'_, T>` (which derefs to
/// `T`): `Default` for the mutex, and `Debug` for both (the guard shows its value).
#[macro_export]
macro_rules! lock_wrapper_debug {
    ($mutex:ident, $guard:ident) => {
        impl<T: Default> Default for $mutex<T> {
            fn default() -> Self {
                $mutex::new(T::default())
            }
        }

        impl<T> ::std::fmt::Debug for $mutex<T> {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(stringify!($mutex)).finish_non_exhaustive()
            }
        }

        impl<T: ::std::fmt::Debug> ::std::fmt::Debug for $guard<'_, T> {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Debug::fmt(&**self, f)
            }
        }
    };
}

/// For a wrapper guard `$guard<'_, T>` that keeps the inner guard in a field `inner:
/// Option<_>` (taken out only when it releases): `Deref` and `DerefMut` to the value.
#[macro_export]
macro_rules! lock_wrapper_deref {
    ($guard:ident) => {
        impl<T> ::std::ops::Deref for $guard<'_, T> {
            type Target = T;
            fn deref(&self) -> &T {
                self.inner.as_ref().expect("a guard holds its lock")
            }
        }

        impl<T> ::std::ops::DerefMut for $guard<'_, T> {
            fn deref_mut(&mut self) -> &mut T {
                self.inner.as_mut().expect("a guard holds its lock")
            }
        }
    };
}

/// For a wrapper `$condvar` (with `new` and `wait`): `wait_while` in terms of its own `wait`, as
/// std's does it; `Default` and `Debug`.
#[macro_export]
macro_rules! lock_wrapper_condvar {
    ($condvar:ident, $guard:ident) => {
        impl Default for $condvar {
            fn default() -> Self {
                $condvar::new()
            }
        }

        impl ::std::fmt::Debug for $condvar {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(stringify!($condvar)).finish_non_exhaustive()
            }
        }

        impl $condvar {
            pub fn wait_while<'a, T>(
                &self,
                mut guard: $guard<'a, T>,
                mut condition: impl FnMut(&mut T) -> bool,
            ) -> ::std::sync::LockResult<$guard<'a, T>> {
                while condition(&mut *guard) {
                    guard = self.wait(guard)?;
                }
                Ok(guard)
            }
        }
    };
}
