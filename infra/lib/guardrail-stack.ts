/**
 * Optional guardrail: a monthly cost budget that e-mails the student at 50 %, 80 % and 100 % (forecast) of a limit.
 * Budgets are free; alerts lag by hours, so this catches forgotten stacks, not a runaway minute.
 */
import { CfnOutput } from 'aws-cdk-lib';
import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import type { Construct } from 'constructs';
import { CourseStack, type CourseStackProps } from './course-stack.ts';
import { emailFrom } from './context.ts';

export class GuardrailStack extends CourseStack {
  constructor(scope: Construct, id: string, props: CourseStackProps) {
    super(scope, id, props);
    const email = emailFrom(this.node, 'budgetEmail');
    const limitText = String(this.node.tryGetContext('monthlyLimitUsd') ?? '5');
    const limit = Number(limitText);
    if (!Number.isFinite(limit) || limit <= 0) throw new Error(`Context monthlyLimitUsd must be a positive number of US dollars, got "${limitText}"`);

    const subscribers = email ? [{ subscriptionType: 'EMAIL', address: email }] : [];
    const alert = (threshold: number, notificationType: 'ACTUAL' | 'FORECASTED') => ({
      notification: { comparisonOperator: 'GREATER_THAN', notificationType, threshold, thresholdType: 'PERCENTAGE' },
      subscribers,
    });
    new CfnBudget(this, 'MonthlyBudget', {
      budget: { budgetName: 'ccvs-monthly', budgetType: 'COST', timeUnit: 'MONTHLY', budgetLimit: { amount: limit, unit: 'USD' } },
      notificationsWithSubscribers: email ? [alert(50, 'ACTUAL'), alert(80, 'ACTUAL'), alert(100, 'FORECASTED')] : undefined,
    });
    new CfnOutput(this, 'MonthlyLimitUsd', { value: String(limit) });
  }
}
