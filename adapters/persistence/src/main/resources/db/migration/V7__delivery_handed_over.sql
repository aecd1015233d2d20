-- A delivery that the instance trying it could not reach (its Discord shard or its platform runs in another
-- instance): each instance looks for those it reaches, once a second, and sends them.
ALTER TABLE delivery ADD COLUMN handed_over BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_delivery_handed_over ON delivery (handed_over, state);
