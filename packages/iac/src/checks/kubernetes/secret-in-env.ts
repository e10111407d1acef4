import {redact} from '@pipeguard/core'
import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {containers} from '../../parsers/kubernetes-workloads'
import {isLiteralSecretValue, isSecretName} from '../../parsers/secret-like'
import {get, items, pairOf, text} from '../../parsers/yaml-document'

export const secretInEnv: Check<KubernetesDoc> = {
  id: 'PG-K8S-018',
  platform: 'kubernetes',
  severity: 'high',
  title: 'Secret written as a literal environment value',
  description:
    'A credential in the manifest is readable by everyone with access to the repository, the cluster API (`kubectl get -o yaml`) and every log that prints the spec.',
  remediation:
    'Store the value in a Secret (or an external secret manager) and reference it with `valueFrom.secretKeyRef`.',
  docs: 'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables',
  run: doc =>
    containers(doc).flatMap(c =>
      items(get(c.node, 'env')).flatMap(entry => {
        const name = text(get(entry, 'name')) ?? ''
        const pair = pairOf(entry, 'value')
        const value = text(pair?.value)
        if (!pair || value === undefined || !isSecretName(name) || !isLiteralSecretValue(value))
          return []
        return [
          {
            line: pair.keyLine,
            resource: c.ref,
            message: `Environment variable ${name} holds a literal secret (${redact(value)})`
          }
        ]
      })
    ),
  fail: {
    fileName: 'pod.yaml',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      env:
        - name: LOG_LEVEL
          value: debug
        - name: DB_PASSWORD
          value: s3cr3t-Pa55w0rd
`,
    lines: [13]
  },
  pass: {
    fileName: 'pod.yaml',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      env:
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef:
              name: db
              key: password
        - name: DB_PASSWORD_FILE
          value: /run/secrets/db
`
  }
}
