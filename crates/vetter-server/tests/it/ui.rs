//! The web UI (the browser test is `tests/browser.sh`).
