// Prints how fast envelopes are made and checked (every outbox write and every consumed message pays
// this). Run: pnpm --filter @mercado/contracts bench
import { createEnvelope } from '../envelope/create-envelope';
import { validateEnvelope } from '../envelope/validate-envelope';
import { salesOrderApprovedV1, salesOrderPlacedV1 } from '../events/sales/order.events';
import { type AnyEventDefinition } from '../catalog/event-definition';

function measure(label: string, iterations: number, run: (i: number) => void): void {
  for (let i = 0; i < Math.min(iterations, 2_000); i++) run(i); // warm-up
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) run(i);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `${label.padEnd(52)} ${Math.round(iterations / seconds)
      .toLocaleString('en')
      .padStart(9)} /s`,
  );
}

const N = Number(process.argv[2] ?? 50_000);
// An order status change, and an order placed with three lines.
const cases: [AnyEventDefinition, unknown][] = [
  [salesOrderApprovedV1, salesOrderApprovedV1.fixtures[0]],
  [salesOrderPlacedV1, salesOrderPlacedV1.fixtures[1]],
];
for (const [definition, data] of cases) {
  const meta = { source: '/mercado/bench', time: '2018-06-12T09:51:55-03:00' };
  const bytes = Buffer.from(JSON.stringify(createEnvelope(definition, data, meta)));
  measure(`createEnvelope ${definition.type}`, N, () => createEnvelope(definition, data, meta));
  measure(`validateEnvelope ${definition.type} (${bytes.length} B JSON)`, N, () => {
    if (!validateEnvelope(bytes).ok) throw new Error('bench envelope rejected');
  });
}
