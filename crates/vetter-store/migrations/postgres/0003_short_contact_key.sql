-- Contact keys are the first 128 bits of their SHA-256 (32 hex digits, not 64): the unique index on
-- them is written all over by every import batch, and half the key is half that index.
UPDATE contacts SET key = substr(key, 1, 32) WHERE length(key) > 32;
