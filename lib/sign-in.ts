import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { GROUPS } from '../lambdas/api/access';

export interface SignInProps {
  /** The page's origin (https://…): the hosted UI returns there after sign-in and sign-out. */
  pageOrigin: string;
  /** Prefix of the hosted UI's domain (`<prefix>.auth.<region>.amazoncognito.com`); unique per region. */
  domainPrefix?: string;
}

/**
 * Officers sign in through a Cognito user pool's hosted UI (authorization code with PKCE, MFA by
 * authenticator app); the HTTP API checks their token with a JWT authorizer. Accounts are created
 * by an administrator (no self sign-up) and put in a group: `reviewer` may confirm, dismiss and
 * decide; `officer` reads. The handler enforces the groups (lambdas/api/access.ts).
 */
export class SignIn extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;
  readonly authorizer: HttpUserPoolAuthorizer;
  /** https://<prefix>.auth.<region>.amazoncognito.com */
  readonly domainUrl: string;

  constructor(scope: Construct, id: string, props: SignInProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Officers', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus: compromised-credential and risky sign-in detection, enforced.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const callback = `${props.pageOrigin}/`;
    this.client = this.userPool.addClient('Page', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [callback],
        logoutUrls: [callback],
      },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    const stack = Stack.of(this);
    this.domain = this.userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix: props.domainPrefix ?? `ogi-audit-${stack.account}` } });
    this.domainUrl = this.domain.baseUrl();
    for (const [name, description] of Object.entries(GROUPS))
      new CfnUserPoolGroup(this, `Group-${name}`, { userPoolId: this.userPool.userPoolId, groupName: name, description });
    this.authorizer = new HttpUserPoolAuthorizer('Officers', this.userPool, { userPoolClients: [this.client] });
  }
}
