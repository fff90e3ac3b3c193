import { schema, shardOf, tableDefinition, YEAR_SHARDS } from '../../lambdas/store';

describe('write sharding', () => {
  it('gives the same shard for the same id every time', () => {
    expect(shardOf('pingtan-2024-abcdef012345')).toBe(shardOf('pingtan-2024-abcdef012345'));
  });

  it('spreads 100,000 report ids of one year evenly over the shards (no hot partition)', () => {
    const counts = new Array(YEAR_SHARDS).fill(0);
    for (let i = 0; i < 100_000; i++) counts[shardOf(`agency-${i}-${(i * 2654435761).toString(16)}`)]++;
    const expected = 100_000 / YEAR_SHARDS;
    for (const c of counts) expect(Math.abs(c - expected) / expected).toBeLessThan(0.05);
  });
});

describe('table definition', () => {
  it('declares every key attribute of the table and its three indexes as strings', () => {
    const def = tableDefinition('t');
    expect(def.GlobalSecondaryIndexes!.map((i) => i.IndexName)).toEqual([schema.byAgency.name, schema.byYear.name, schema.byRule.name]);
    const declared = def.AttributeDefinitions!.map((a) => a.AttributeName).sort();
    const used = [...def.KeySchema!, ...def.GlobalSecondaryIndexes!.flatMap((i) => i.KeySchema!)].map((k) => k.AttributeName).sort();
    expect(declared).toEqual(used);
  });
});
