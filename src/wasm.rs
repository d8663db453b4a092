//! wasm-bindgen exports for the service worker and extension pages.
