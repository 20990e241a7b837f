/** The workbook's "1 book" and "50 seats" exercises, each against the local cloud's DynamoDB with concurrent buyers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../localcloud/index.ts';
import { createTable, localDynamo } from '../harness/local-tables.ts';
import { buyBook, ownerOf, stockBook } from './book.ts';
import { bookSeats, openCounter, openSeats, seatPlan, takeSeatsFromCounter } from './seats.ts';

let cloud: LocalCloud;
let db: ReturnType<typeof localDynamo>;
let table: string;
beforeAll(async () => {
  cloud = await startLocalCloud({ port: 0 });
  db = localDynamo(cloud.endpoint);
  table = await createTable(db, 'id');
});
afterAll(async () => {
  db?.destroy();
  await cloud?.stop();
});

describe('1 book', () => {
  it('twenty concurrent buyers: exactly one gets the book, and the record names that buyer', async () => {
    await stockBook(db, table, 'book-1');
    const buyers = Array.from({ length: 20 }, (_, n) => `reader-${n}`);
    const won = await Promise.all(buyers.map((buyer) => buyBook(db, table, 'book-1', buyer)));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await ownerOf(db, table, 'book-1')).toBe(buyers[won.indexOf(true)]);
  });

  it('a book that was never stocked cannot be bought', async () => {
    expect(await buyBook(db, table, 'no-such-book', 'reader')).toBe(false);
  });
});

describe('50 seats', () => {
  it('counter: 60 concurrent buyers of one seat each — exactly 50 succeed', async () => {
    await openCounter(db, table, 'hall-counter', 50);
    const results = await Promise.all(Array.from({ length: 60 }, () => takeSeatsFromCounter(db, table, 'hall-counter', 1)));
    expect(results.filter(Boolean)).toHaveLength(50);
  });

  it('seat-level locking: 40 buyers of two chosen neighbouring seats — no seat sold twice, no half booking', async () => {
    await openSeats(db, table, 'hall-seats', 50);
    // Buyer n wants seats n+1 and n+2 (wrapping): neighbours compete for the seat they share.
    const wishes = Array.from({ length: 40 }, (_, n) => [(n % 49) + 1, (n % 49) + 2]);
    const booked = await Promise.all(wishes.map((seats, n) => bookSeats(db, table, 'hall-seats', seats, `buyer-${n}`)));
    const plan = await seatPlan(db, table, 'hall-seats');
    const winners = wishes.filter((_, n) => booked[n]);
    expect(winners.length).toBeGreaterThan(0);
    expect(plan.size).toBe(winners.length * 2);
    wishes.forEach((seats, n) => {
      const holders = seats.map((seat) => plan.get(seat));
      if (booked[n]) expect(holders).toEqual([`buyer-${n}`, `buyer-${n}`]);
      else expect(holders).not.toContain(`buyer-${n}`);
    });
  });

  it('seat-level locking: a booking that includes a taken seat takes none of its seats', async () => {
    await openSeats(db, table, 'hall-partial', 3);
    expect(await bookSeats(db, table, 'hall-partial', [2], 'first')).toBe(true);
    expect(await bookSeats(db, table, 'hall-partial', [1, 2, 3], 'second')).toBe(false);
    expect([...(await seatPlan(db, table, 'hall-partial'))]).toEqual([[2, 'first']]);
  });
});
