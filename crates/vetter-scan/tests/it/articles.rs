//! The sample articles and the articles of `tests/articles/`.
