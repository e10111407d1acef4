import type {Check} from '../../../check'
import {references} from '../../../parsers/hcl-expr'
import {
  type BlockView,
  type TerraformDocument,
  resources,
  result,
  tf,
  toStringValue
} from '../helpers'

/** Whether the listener's load balancer (when it is in the module) is an application one. */
function isApplication(doc: TerraformDocument, listener: BlockView): boolean {
  const arn = listener.attr('load_balancer_arn')
  const targets = new Set(arn ? references(arn.expr) : [])
  const lb = doc.module.resources.find(b => targets.has(b.address))
  const type = lb && toStringValue(lb.value('load_balancer_type'))
  return type === undefined || type === 'application'
}

export const albHttpListener: Check<TerraformDocument> = {
  id: 'PG-TF-036',
  platform: 'terraform',
  severity: 'medium',
  title: 'Load balancer listener serves plain HTTP without redirecting to HTTPS',
  description: 'Sessions and credentials sent over plain HTTP can be read and changed on the way.',
  remediation:
    "Make the HTTP listener's default_action a redirect to HTTPS (status HTTP_301) and serve on an HTTPS listener.",
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-1',
  aliases: ['CKV_AWS_2', 'CKV_AWS_103', 'aws-elb-http-not-used', 'AVD-AWS-0054'],
  run: doc =>
    resources(doc, 'aws_lb_listener', 'aws_alb_listener').flatMap(r => {
      // The provider's default protocol is HTTP for an application load balancer; Gateway LB
      // listeners have neither protocol nor port, and NLB listeners need a protocol of their own.
      const protocol = r.attr('protocol')
      if (protocol && toStringValue(protocol.value) !== 'HTTP') return []
      if (!protocol && (!r.has('port') || !isApplication(doc, r))) return []
      const actions = r.blocks('default_action').map(a => toStringValue(a.value('type')))
      if (actions.some(t => t === undefined)) return []
      return actions.includes('redirect') ? [] : [result(r, protocol?.line)]
    }),
  fail: {
    ...tf(`resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1"
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/1"
  }
}
`),
    lines: [4]
  },
  pass: tf(`resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1"
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}
`)
}
