import type {Check} from '../../../check'
import {type TerraformDocument, tf} from '../helpers'
import {openToPorts} from './security-group-ingress'

/** MySQL, PostgreSQL, SQL Server, Oracle, MongoDB, Redis, Elasticsearch, Redshift, Memcached, Cassandra. */
const DATABASE_PORTS = [3306, 5432, 1433, 1521, 27017, 6379, 9200, 5439, 11211, 9042]

export const sgOpenDatabasePorts: Check<TerraformDocument> = {
  id: 'PG-TF-010',
  platform: 'terraform',
  family: 'public-ingress',
  severity: 'high',
  title: 'Security group allows a database port from the internet',
  description:
    'Databases exposed to the internet are found by scanners within hours and attacked with credential stuffing and exploits.',
  remediation:
    'Keep databases in private subnets and allow only the application security group as a source.',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19',
  aliases: ['aws-ec2-no-public-ingress-sgr', 'AVD-AWS-0107'],
  run: doc => openToPorts(doc, DATABASE_PORTS),
  fail: {
    ...tf(`resource "aws_security_group" "db" {
  name = "db"
  ingress {
    description = "postgres"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}
`),
    lines: [8]
  },
  pass: tf(`resource "aws_security_group" "db" {
  name = "db"
  ingress {
    description     = "postgres"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = ["sg-0123456789abcdef0"]
  }
}
`)
}
