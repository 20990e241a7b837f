/**
 * Base for every course stack: tags that find leftovers and say when they may go, nothing retained on delete,
 * and one-week logs. Students pay for what they forget, so these are not optional per stack.
 */
import { Aspects, IAspect, RemovalPolicies, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import { CfnLogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct, IConstruct } from 'constructs';

export const COURSE_TAG = 'ccvs';

export interface CourseStackProps extends StackProps {
  lab: string;
  owner: string;
  /** ISO date after which the stack may be destroyed. */
  expiresAt: string;
}

/** Log groups keep one week, whoever created them. */
class OneWeekLogs implements IAspect {
  visit(node: IConstruct): void {
    if (node instanceof CfnLogGroup) node.retentionInDays = RetentionDays.ONE_WEEK;
  }
}

export class CourseStack extends Stack {
  constructor(scope: Construct, id: string, props: CourseStackProps) {
    super(scope, id, props);
    Tags.of(this).add('course', COURSE_TAG);
    Tags.of(this).add('lab', props.lab);
    Tags.of(this).add('owner', props.owner);
    Tags.of(this).add('expires-at', props.expiresAt);
    Aspects.of(this).add(new OneWeekLogs());
    RemovalPolicies.of(this).destroy();
  }
}
