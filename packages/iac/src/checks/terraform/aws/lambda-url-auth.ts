import type {Check} from '../../../check'
import {type TerraformDocument, resources, result, tf, toStringValue} from '../helpers'

export const lambdaUrlAuth: Check<TerraformDocument> = {
  id: 'PG-TF-029',
  platform: 'terraform',
  severity: 'high',
  title: 'Lambda function URL has no authentication',
  description: 'authorization_type = "NONE" lets anyone on the internet invoke the function.',
  remediation:
    'Use authorization_type = "AWS_IAM", or put the function behind API Gateway with an authorizer.',
  docs: 'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
  aliases: ['CKV_AWS_258'],
  run: doc =>
    resources(doc, 'aws_lambda_function_url').flatMap(r => {
      const a = r.attr('authorization_type')
      return a && toStringValue(a.value) === 'NONE' ? [result(r, a.line)] : []
    }),
  fail: {
    ...tf(`resource "aws_lambda_function_url" "api" {
  function_name      = "api"
  authorization_type = "NONE"
}
`),
    lines: [3]
  },
  pass: tf(`resource "aws_lambda_function_url" "api" {
  function_name      = "api"
  authorization_type = "AWS_IAM"
}
`)
}
