import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {podSpecs} from '../../parsers/kubernetes-workloads'
import {get, items, pairOf, text} from '../../parsers/yaml-document'

/** The sysctls Kubernetes considers namespaced and safe (Pod Security Standards, baseline). */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes'
])

/**
 * Kubernetes accepts sysctl names with `/` as the separator (`net/ipv4/ip_local_port_range`); a dot
 * in that form is part of a component (an interface name), so the two characters swap.
 */
function dotted(name: string): string {
  return name.includes('/') ? name.replace(/[./]/g, c => (c === '/' ? '.' : '/')) : name
}

export const unsafeSysctls: Check<KubernetesDoc> = {
  id: 'PG-K8S-028',
  platform: 'kubernetes',
  severity: 'high',
  title: 'Pod sets an unsafe sysctl',
  description:
    'Sysctls outside the safe set are not namespaced: they change kernel behaviour for every pod on the node.',
  remediation: 'Remove the sysctl or set it on dedicated, tainted nodes instead of from the pod.',
  docs: 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/#safe-and-unsafe-sysctls',
  aliases: ['unsafe-sysctls'],
  run: doc =>
    podSpecs(doc).flatMap(pod =>
      items(get(pod.spec, 'securityContext.sysctls')).flatMap(entry => {
        const pair = pairOf(entry, 'name')
        const name = text(pair?.value)
        return pair && name && !SAFE_SYSCTLS.has(dotted(name))
          ? [
              {
                line: pair.keyLine,
                resource: pod.object.ref,
                message: `Pod sets the unsafe sysctl ${name}`
              }
            ]
          : []
      })
    ),
  fail: {
    fileName: 'pod.yaml',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.tcp_syncookies
        value: "1"
      - name: kernel.msgmax
        value: "65536"
  containers:
    - name: app
      image: nginx:1.27
`,
    lines: [10]
  },
  pass: {
    fileName: 'pod.yaml',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.ip_local_port_range
        value: "1024 65535"
  containers:
    - name: app
      image: nginx:1.27
`
  }
}
