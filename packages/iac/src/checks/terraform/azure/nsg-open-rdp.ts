import type {Check} from '../../../check'
import {type TerraformDocument, tf} from '../helpers'
import {nsgOpenTo} from './nsg-inbound'

export const nsgOpenRdp: Check<TerraformDocument> = {
  id: 'PG-TF-047',
  platform: 'terraform',
  family: 'public-ingress',
  severity: 'high',
  title: 'Network security group allows RDP (3389) from the internet',
  description:
    'RDP reachable from any address (CIS Azure 6.1) is brute-forced within minutes of exposure.',
  remediation: 'Restrict the source to known ranges or use Azure Bastion / just-in-time access.',
  docs: 'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview',
  aliases: ['CKV_AZURE_9', 'azure-network-no-public-ingress', 'AVD-AZU-0047'],
  run: doc => nsgOpenTo(doc, 3389),
  fail: {
    ...tf(`resource "azurerm_network_security_rule" "admin" {
  name                        = "admin"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "3389"
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}
`),
    lines: [9]
  },
  pass: tf(`resource "azurerm_network_security_group" "admin" {
  name                = "admin"
  location            = "westeurope"
  resource_group_name = "rg"
  security_rule {
    name                       = "admin"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "3389"
    source_address_prefix      = "10.0.0.0/8"
    destination_address_prefix = "*"
  }
}
`)
}
