import { describe, expect, it } from 'vitest';
import { deployableStacks, GUARDRAIL } from '../lib/labs.ts';
import { stackApp, templateOf } from './synth.ts';

describe('guardrail stack', () => {
  it('creates a monthly cost budget that e-mails at 50 %, 80 % and a forecast 100 %', () => {
    const template = templateOf(deployableStacks[GUARDRAIL], { budgetEmail: 'me@example.org', monthlyLimitUsd: '10' });
    const budget = Object.values(template.findResources('AWS::Budgets::Budget'))[0].Properties;
    expect(budget.Budget).toMatchObject({ BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: 10, Unit: 'USD' } });
    expect(budget.NotificationsWithSubscribers.map((n: any) => [n.Notification.Threshold, n.Notification.NotificationType])).toEqual([
      [50, 'ACTUAL'],
      [80, 'ACTUAL'],
      [100, 'FORECASTED'],
    ]);
    expect(budget.NotificationsWithSubscribers[0].Subscribers).toEqual([{ SubscriptionType: 'EMAIL', Address: 'me@example.org' }]);
  });

  it('refuses a limit that is not a positive number, naming the key', () => {
    expect(() => stackApp(deployableStacks[GUARDRAIL], { monthlyLimitUsd: 'lots' })).toThrow(/monthlyLimitUsd must be a positive number/);
  });
});
