/** Every service of the local cloud, in the order the front door asks them whether they own a request. */
import type { ServiceFactory } from './core/types.ts';
import { sqsService } from './sqs/index.ts';
import { createSnsModule } from './sns/index.ts';
import { createInspectModule } from './inspect/index.ts';
import { iamService } from './iam/index.ts';
import { ssmService } from './ssm/index.ts';
import { dynamodbService } from './dynamodb/index.ts';
import { cognitoService } from './cognito/index.ts';
import { efsService } from './efs/index.ts';
import { deployerService } from './deployer/index.ts';
import { lambdaService } from './lambda/index.ts';
import { apiGatewayService } from './apigateway/index.ts';
import { eventSourcesService } from './eventsources/index.ts';

export const serviceFactories: ServiceFactory[] = [sqsService, createSnsModule, createInspectModule, iamService, ssmService, dynamodbService, cognitoService, efsService, deployerService, lambdaService, apiGatewayService, eventSourcesService];
