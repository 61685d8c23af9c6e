-- Deep pages of the active list. Each listed-users row now carries the key of the user it moves (its
-- username_lc), so that a position in the list known at one moment can be carried forward to now by the rows
-- in between (dev.roster.user.control.ListingAnchors). Rows written before this migration have no key; a list
-- position is never derived across them (the anchors are rebuilt after them instead).
ALTER TABLE counter_deltas ADD COLUMN sort_key VARCHAR(128);
