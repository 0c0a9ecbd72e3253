//! Sentences that name no listed entity, or only look as if they did.
