import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {brief, scanDir} from './scan-helper'

/** One NSG rule with the given protocol, source and destination port attribute. */
function rule(protocol: string, source: string, ports: string): string {
  return `resource "azurerm_network_security_rule" "r" {
  name                        = "r"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "${protocol}"
  source_port_range           = "*"
  ${ports}
  source_address_prefix       = "${source}"
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}
`
}

async function scan(tf: string): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'pg-nsg-'))
  writeFileSync(join(root, 'nsg.tf'), tf)
  const report = await scanDir(root)
  expect(report.errors).toEqual([])
  return brief(report).filter(b => /PG-TF-04[67]$/.test(b))
}

const SSH = 'nsg.tf:9 PG-TF-046'
const RDP = 'nsg.tf:9 PG-TF-047'

describe('Azure NSG inbound rules', () => {
  it.each([
    ['Internet', 'destination_port_range = "22"'],
    ['0.0.0.0', 'destination_port_range = "22"'],
    ['0.0.0.0/0', 'destination_port_range = "22"'],
    ['*', 'destination_port_range = "20-25"'],
    ['*', 'destination_port_ranges = ["443", "22"]'],
    ['*', 'destination_port_range = "80, 22"']
  ])('source %s with %s reaches SSH over TCP', async (source, ports) => {
    expect(await scan(rule('Tcp', source, ports))).toEqual([SSH])
  })

  it('a UDP-only or ICMP rule on port 22 is not SSH', async () => {
    expect(await scan(rule('Udp', '*', 'destination_port_range = "22"'))).toEqual([])
    expect(await scan(rule('Icmp', '*', 'destination_port_range = "*"'))).toEqual([])
  })

  it('protocol * counts; a private source does not', async () => {
    expect(await scan(rule('*', 'Internet', 'destination_port_range = "3389"'))).toEqual([RDP])
    expect(await scan(rule('Tcp', '10.0.0.0/8', 'destination_port_range = "22"'))).toEqual([])
  })
})
