import type {Check, CheckResult} from '../../../check'
import {type TerraformDocument, isObject, resources, result, tf} from '../helpers'

/** Variable names that say they hold a credential. */
const SECRET_NAME = /(pass(word|wd)?|secret|token|api_?key|private_?key|access_?key|credential)s?$/i

export const lambdaEnvSecrets: Check<TerraformDocument> = {
  id: 'PG-TF-028',
  platform: 'terraform',
  severity: 'high',
  title: 'Lambda environment variable holds a hard-coded secret',
  description:
    'Environment values are stored in the state file and readable by anyone with lambda:GetFunctionConfiguration.',
  remediation:
    'Read the secret at runtime from Secrets Manager or SSM Parameter Store and pass only its name.',
  docs: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-encryption',
  aliases: ['CKV_AWS_45', 'AVD-AWS-0087'],
  run: doc =>
    resources(doc, 'aws_lambda_function').flatMap(r => {
      const env = r.block('environment')
      const vars = env?.attr('variables')
      if (!vars || !isObject(vars.value)) return []
      const out: CheckResult[] = []
      for (const [name, value] of Object.entries(vars.value)) {
        // Only literal values count: a reference to a secret store is the fix, not the problem.
        if (SECRET_NAME.test(name) && typeof value === 'string' && value.length >= 4) {
          out.push(
            result(r, vars.line, `Lambda variable ${name} holds a literal secret (${r.address})`)
          )
        }
      }
      return out
    }),
  fail: {
    ...tf(`resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  environment {
    variables = {
      DB_PASSWORD = "hunter2-not-secret"
    }
  }
}
`),
    lines: [5]
  },
  pass: tf(`resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  environment {
    variables = {
      DB_PASSWORD_PARAM = "/api/db-password"
      DB_PASSWORD       = var.db_password
    }
  }
}
`)
}
