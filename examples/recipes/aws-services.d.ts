// Types the string form for the services listed here. Any .d.ts (or .ts) file your tsconfig includes will do.
export {};

declare module 'ts-tripwire' {
  interface AwsServices {
    sqs: typeof import('@aws-sdk/client-sqs');
  }
}
