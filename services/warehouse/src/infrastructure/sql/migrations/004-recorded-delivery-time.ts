/**
 * The delivered time Olist recorded, apart from the earliest one reported. The sales service imports an
 * order marked delivered without a date with its carrier hand-off time, and moves a delivery recorded
 * before the approval forward to the approval (its times never run backwards); both events carry the
 * `time-estimated` flag. Such a time makes the order `delivered` (its status) but is not a delivered
 * date: the delivered date is the earliest delivered time reported without that flag, or else the
 * shipment's. Rows staged before this migration keep their reported time until a rebuild.
 */
export const RECORDED_DELIVERY_TIME_SQL = `
ALTER TABLE {dw}.stg_order_status ADD COLUMN recorded_delivered_at timestamptz;
UPDATE {dw}.stg_order_status SET recorded_delivered_at = delivered_at WHERE delivered_at IS NOT NULL;
`;
