//! Python bindings of `byok_core`, built by maturin into the `byok-prereqs` wheel (module
//! `byok_prereqs`).
//!
//! Everything lives behind the `python` feature, which maturin turns on. Without it the crate
//! is empty, so workspace builds and tests never need a Python interpreter or libpython.

#[cfg(feature = "python")]
mod convert;
#[cfg(feature = "python")]
mod errors;
#[cfg(feature = "python")]
mod module;
