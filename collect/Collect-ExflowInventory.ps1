#Requires -Version 3.0
<#
.SYNOPSIS
    Read-only inventory of an Exchange organisation for exflow: servers, sites, virtual-directory
    URLs and authentication, Outlook Anywhere, namespaces and a small sample of mailboxes, written
    as one JSON file ("exflow-inventory/1") that `exflow import` turns into a topology.

.DESCRIPTION
    Run it in the Exchange Management Shell (Exchange 2013, 2016, 2019 or Subscription Edition; for
    an Exchange 2010-only organisation, from a PowerShell 5.1 session connected to the 2010 EMS by
    remoting). It only reads: every Exchange cmdlet it calls is a Get- cmdlet, and it refuses to
    start if its own text calls anything else. A View-Only Organization Management account is enough.

    What it reads:
      - Get-ExchangeServer: name, FQDN, AD site name, AdminDisplayVersion, ServerRole, role flags.
      - Get-ADSite, Get-ADSiteLink: site names, link costs.
      - Get-ClientAccessService / Get-ClientAccessServer: the Autodiscover SCP URL and site scope.
      - Get-Owa/Ecp/ActiveSync/WebServices/Oab/Mapi/AutodiscoverVirtualDirectory -ADPropertiesOnly:
        name, InternalUrl, ExternalUrl and the authentication-method lists (Active Directory only;
        the servers' IIS is not contacted).
      - Get-OutlookAnywhere -ADPropertiesOnly, Get-PopSettings, Get-ImapSettings: host names,
        authentication, connection settings.
      - Get-ClientAccessArray, Get-MailboxDatabase, Get-DatabaseAvailabilityGroup,
        Get-OfflineAddressBook, Get-OrganizationConfig (MapiHttpEnabled), Get-HybridConfiguration,
        Get-OrganizationRelationship and Get-IntraOrganizationConnector (targets, not contacts).
      - Get-ExchangeCertificate -Server: thumbprint, subject, names, services, expiry only.
      - Get-Mailbox -Database X -ResultSize N: per database, at most -PerDatabase mailboxes: the
        database and the recipient type; the name only with -KeepNames (else user1, user2, ...).
      - Get-RemoteMailbox -ResultSize N: the domain of the remote routing address only.

    What it never reads: passwords or credentials (no -IncludeAlternateServiceAccountCredentialPassword),
    certificate private keys, raw certificate data or requests, mailbox content, e-mail addresses,
    distinguished names or GUIDs. Nothing is sent anywhere: the file stays where you write it.

    Cmdlets that fail (a server down, a cmdlet missing on this version) are listed in the file's
    "errors" and the import report; the rest of the inventory is still written.

.PARAMETER Out
    The JSON file to write (UTF-8 without BOM). Default: exflow-inventory.json in the current folder.

.PARAMETER PerDatabase
    Mailboxes sampled per database (0-100, default 3). One per database is enough for exflow to
    draw every server's flows; the sample is bounded so large organisations stay fast.

.PARAMETER RemoteSample
    Remote (cloud) mailboxes to sample (0-1000, default 20). Only their routing domain is kept.

.PARAMETER KeepNames
    Keep mailbox display names. By default mailboxes are written as user1, user2, ...

.PARAMETER NameMap
    With anonymised names, also write the label-to-name table to this local CSV file (keep it; do
    not send it with the inventory).

.PARAMETER SkipServerQueries
    Skip the queries that contact each server rather than Active Directory (certificates, the
    mounted copy of each database). Use it when servers are slow or unreachable; the importer then
    takes each database's Server as its active copy and leaves certificates unknown.

.EXAMPLE
    .\Collect-ExflowInventory.ps1
    Writes exflow-inventory.json; then, anywhere with Node: exflow import exflow-inventory.json -o topology.yaml

.EXAMPLE
    .\Collect-ExflowInventory.ps1 -Out C:\temp\contoso.json -PerDatabase 1 -SkipServerQueries

.OUTPUTS
    One JSON file, format "exflow-inventory/1" (collect/exflow-inventory.schema.json in exflow).

.NOTES
    Script version 1.0.0. Part of exflow; the format is versioned by its "schema" field.
#>
[CmdletBinding()]
param(
    [string]$Out = 'exflow-inventory.json',
    [ValidateRange(0, 100)][int]$PerDatabase = 3,
    [ValidateRange(0, 1000)][int]$RemoteSample = 20,
    [switch]$KeepNames,
    [string]$NameMap,
    [switch]$SkipServerQueries
)

$ScriptVersion = '1.0.0'
$ErrorActionPreference = 'Stop'

# --- Self-check: this script only reads. Any command outside this list stops it before it runs.
# Commands are checked by name; cmdlet names held in strings (the tables run with &) must not have a writing verb.
$allowed = '^(Get-[A-Za-z]+|Where-Object|ForEach-Object|Sort-Object|ConvertTo-Json|New-Object|Join-Path|Write-Progress|Write-Host|Export-Csv)$'
$writing = '^(Set|New|Remove|Enable|Disable|Add|Update|Install|Uninstall|Start|Stop|Restart|Invoke|Test|Mount|Dismount|Move|Clear|Suspend|Resume|Reset|Register|Connect|Import|Export)-[A-Za-z]+'
$ast = [System.Management.Automation.Language.Parser]::ParseFile($MyInvocation.MyCommand.Path, [ref]$null, [ref]$null)
$own = @($ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true) | ForEach-Object { $_.Name })
$bad = @($ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true) |
        ForEach-Object { $_.GetCommandName() } | Where-Object { $_ -and $_ -notmatch $allowed -and $own -notcontains $_ })
$bad += @($ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.StringConstantExpressionAst] }, $true) |
        ForEach-Object { $_.Value } | Where-Object { $_ -cmatch $writing -and $_ -ne 'Export-Csv' })
if ($bad.Count -gt 0) { throw "Collect-ExflowInventory.ps1 was changed to call $(($bad | Sort-Object -Unique) -join ', '); it must only read. Restore the original script." }

if (-not (Get-Command Get-ExchangeServer -ErrorAction SilentlyContinue)) {
    throw 'Get-ExchangeServer is not available: run this script in the Exchange Management Shell.'
}

# --- Helpers: every value leaves as a string, a bool, a number, $null or a string list, so the
# JSON is flat and identical on Windows PowerShell 5.1 and PowerShell 7 (no enums as numbers, no
# Uri or ADObjectId objects, nothing deep enough to be truncated).
$errs = New-Object System.Collections.ArrayList
function S($v) { if ($null -eq $v -or "$v" -eq '') { $null } else { "$v" } }
function A($v) { , [string[]]@(@($v) | Where-Object { $null -ne $_ -and "$_" -ne '' } | ForEach-Object { "$_" }) }
function U($u) { if ($null -eq $u -or "$u" -eq '') { $null } elseif ($u.AbsoluteUri) { [string]$u.AbsoluteUri } else { "$u" } }
function N($id) { if ($null -eq $id) { $null } elseif ($id.Name) { [string]$id.Name } else { ("$id" -split '[/\\]')[-1] } }
function D($d) { if ($null -eq $d) { $null } else { try { ([datetime]$d).ToUniversalTime().ToString('o') } catch { "$d" } } }
function G([string]$what, [scriptblock]$sb) {
    # One failing cmdlet (a server down, a cmdlet this version lacks) is recorded, not fatal.
    try { @(& $sb) } catch { [void]$errs.Add([ordered]@{ cmdlet = $what; message = "$($_.Exception.Message)" }); @() }
}
function Has([string]$cmd, [string]$param) {
    $c = Get-Command $cmd -ErrorAction SilentlyContinue
    if (-not $c) { return $false }
    if ($param) { return $c.Parameters.ContainsKey($param) }
    $true
}
function Major($s) { if ("$($s.AdminDisplayVersion)" -match 'Version (\d+)\.(\d+)') { [int]$Matches[1] * 100 + [int]$Matches[2] } else { 0 } }

$inv = [ordered]@{
    schema      = 'exflow-inventory/1'
    collectedAt = (Get-Date).ToUniversalTime().ToString('o')
    collector   = [ordered]@{ scriptVersion = $ScriptVersion; psVersion = "$($PSVersionTable.PSVersion)"; psEdition = S $PSVersionTable.PSEdition; anonymized = -not $KeepNames; perDatabase = $PerDatabase }
}

Write-Progress -Activity 'exflow inventory' -Status 'Servers and sites'
$srv = @(G 'Get-ExchangeServer' { Get-ExchangeServer })
$inv.organization = [ordered]@{ mapiHttpEnabled = $null }
foreach ($o in (G 'Get-OrganizationConfig' { Get-OrganizationConfig })) { if ($null -ne $o.MapiHttpEnabled) { $inv.organization.mapiHttpEnabled = [bool]$o.MapiHttpEnabled } }
$inv.sites = @(foreach ($x in (G 'Get-ADSite' { Get-ADSite })) { [ordered]@{ name = S $x.Name } })
$inv.siteLinks = @(foreach ($x in (G 'Get-ADSiteLink' { Get-ADSiteLink })) {
        [ordered]@{ name = S $x.Name; cost = $(if ($null -ne $x.Cost) { [int]$x.Cost } else { $null }); exchangeCost = $(if ($null -ne $x.ExchangeCost) { [int]$x.ExchangeCost } else { $null }); sites = A (@($x.Sites) | ForEach-Object { N $_ }) } })
$inv.servers = @(foreach ($s in $srv) {
        [ordered]@{ name = S $s.Name; fqdn = S $s.Fqdn; site = N $s.Site; adminDisplayVersion = S $s.AdminDisplayVersion; serverRole = S $s.ServerRole
            isClientAccessServer = [bool]$s.IsClientAccessServer; isMailboxServer = [bool]$s.IsMailboxServer; isEdgeServer = [bool]$s.IsEdgeServer } })
$cas = @($srv | Where-Object { $_.IsClientAccessServer -and -not $_.IsEdgeServer })

# Autodiscover SCP: Get-ClientAccessService (2016+ shells) and Get-ClientAccessServer, merged by server.
$scp = [ordered]@{}
foreach ($cmd in @('Get-ClientAccessService', 'Get-ClientAccessServer')) {
    if (-not (Has $cmd)) { continue }
    foreach ($x in (G $cmd { & $cmd })) {
        if ($scp.Contains("$($x.Name)")) { continue }
        $scp["$($x.Name)"] = [ordered]@{ server = S $x.Name; autodiscoverInternalUri = U $x.AutoDiscoverServiceInternalUri; autodiscoverSiteScope = A $x.AutoDiscoverSiteScope }
    }
}
$inv.clientAccess = @($scp.Values)

$vd = [ordered]@{ owa = 'Get-OwaVirtualDirectory'; ecp = 'Get-EcpVirtualDirectory'; activesync = 'Get-ActiveSyncVirtualDirectory'
    ews = 'Get-WebServicesVirtualDirectory'; oab = 'Get-OabVirtualDirectory'; 'mapi-http' = 'Get-MapiVirtualDirectory'; autodiscover = 'Get-AutodiscoverVirtualDirectory' }
$vdirs = New-Object System.Collections.ArrayList
$oa = New-Object System.Collections.ArrayList
$pi = New-Object System.Collections.ArrayList
$i = 0
foreach ($s in $cas) {
    $i++
    Write-Progress -Activity 'exflow inventory' -Status "Virtual directories of $($s.Name)" -PercentComplete (100 * $i / [Math]::Max(1, $cas.Count))
    $ver = Major $s
    foreach ($p in $vd.Keys) {
        if ($p -eq 'mapi-http' -and $ver -lt 1500) { continue }   # MAPI/HTTP exists from 2013 SP1
        if ($p -eq 'ecp' -and $ver -lt 1400) { continue }         # ECP exists from 2010
        $cmd = $vd[$p]
        foreach ($v in (G "$cmd $($s.Name)" { & $cmd -Server $s.Name -ADPropertiesOnly })) {
            [void]$vdirs.Add([ordered]@{ server = S $s.Name; protocol = $p; name = S $v.Name; internalUrl = U $v.InternalUrl; externalUrl = U $v.ExternalUrl
                    internalAuth = A $v.InternalAuthenticationMethods; externalAuth = A $v.ExternalAuthenticationMethods; iisAuth = A $v.IISAuthenticationMethods
                    extendedProtection = S $v.ExtendedProtectionTokenChecking; mrsProxyEnabled = $(if ($p -eq 'ews') { [bool]$v.MRSProxyEnabled } else { $null }) })
        }
    }
    foreach ($o in (G "Get-OutlookAnywhere $($s.Name)" { Get-OutlookAnywhere -Server $s.Name -ADPropertiesOnly })) {
        [void]$oa.Add([ordered]@{ server = S $s.Name; internalHostname = S $o.InternalHostname; externalHostname = S $o.ExternalHostname
                clientAuth = S $o.ClientAuthenticationMethod; internalClientAuth = S $o.InternalClientAuthenticationMethod; externalClientAuth = S $o.ExternalClientAuthenticationMethod
                iisAuth = A $o.IISAuthenticationMethods; sslOffloading = [bool]$o.SSLOffloading })
    }
    foreach ($pair in @(@('pop3', 'Get-PopSettings'), @('imap4', 'Get-ImapSettings'))) {
        $cmd = $pair[1]
        foreach ($x in (G "$cmd $($s.Name)" { & $cmd -Server $s.Name })) {
            [void]$pi.Add([ordered]@{ server = S $s.Name; protocol = $pair[0]; internal = A $x.InternalConnectionSettings; external = A $x.ExternalConnectionSettings })
        }
    }
}
$inv.vdirs = @($vdirs)
$inv.outlookAnywhere = @($oa)
$inv.popImap = @($pi)

Write-Progress -Activity 'exflow inventory' -Status 'CAS arrays, databases, OABs'
$inv.casArrays = @(foreach ($site in $inv.sites) {
        $sn = $site.name
        foreach ($x in (G "Get-ClientAccessArray $sn" { Get-ClientAccessArray -Site $sn })) {
            [ordered]@{ name = S $x.Name; fqdn = S $x.Fqdn; site = N $x.Site; members = A (@($x.Members) | ForEach-Object { N $_ }) } } })

# Databases of every version: 2013+ shells hide 2010 ones without -IncludePreExchange2013 (2010 shells: ...2010).
$dbArgs = @{}
if (Has 'Get-MailboxDatabase' 'IncludePreExchange2013') { $dbArgs.IncludePreExchange2013 = $true }
elseif (Has 'Get-MailboxDatabase' 'IncludePreExchange2010') { $dbArgs.IncludePreExchange2010 = $true }
$byFqdn = @{}
foreach ($s in $srv) { if ($s.Fqdn) { $byFqdn["$($s.Fqdn)".ToLower()] = "$($s.Name)" } }
$dbs = @(G 'Get-MailboxDatabase' { Get-MailboxDatabase @dbArgs })
$inv.databases = @(foreach ($db in $dbs) {
        $active = $null
        if (-not $SkipServerQueries) {
            foreach ($st in (G "Get-MailboxDatabase -Status $($db.Name)" { Get-MailboxDatabase -Identity $db.Identity -Status })) {
                $m = "$($st.MountedOnServer)".ToLower()
                if ($m) { $active = $(if ($byFqdn.ContainsKey($m)) { $byFqdn[$m] } else { ($m -split '\.')[0] }) }
            }
        }
        [ordered]@{ name = S $db.Name; server = N $db.Server; activeServer = $active; masterServerOrAvailabilityGroup = N $db.MasterServerOrAvailabilityGroup
            rpcClientAccessServer = S $db.RpcClientAccessServer; offlineAddressBook = N $db.OfflineAddressBook } })
$inv.dags = @(foreach ($x in (G 'Get-DatabaseAvailabilityGroup' { Get-DatabaseAvailabilityGroup })) { [ordered]@{ name = S $x.Name; servers = A (@($x.Servers) | ForEach-Object { N $_ }) } })
$inv.oabs = @(foreach ($x in (G 'Get-OfflineAddressBook' { Get-OfflineAddressBook })) {
        [ordered]@{ name = S $x.Name; isDefault = [bool]$x.IsDefault; globalWebDistributionEnabled = [bool]$x.GlobalWebDistributionEnabled; virtualDirectories = A $x.VirtualDirectories } })

# Certificates: the public facts only (no private key, raw data, request or access rules).
$inv.certificates = @()
if (-not $SkipServerQueries) {
    $inv.certificates = @(foreach ($s in $cas) {
            foreach ($c in (G "Get-ExchangeCertificate $($s.Name)" { Get-ExchangeCertificate -Server $s.Name })) {
                [ordered]@{ server = S $s.Name; thumbprint = S $c.Thumbprint; subject = S $c.Subject; domains = A $c.CertificateDomains; services = S $c.Services; notAfter = D $c.NotAfter; isSelfSigned = [bool]$c.IsSelfSigned } } })
}

$inv.hybrid = $null
if (Has 'Get-HybridConfiguration') {
    foreach ($h in (G 'Get-HybridConfiguration' { Get-HybridConfiguration })) {
        $inv.hybrid = [ordered]@{ domains = A $h.Domains; features = A $h.Features; onPremisesSmartHost = S $h.OnPremisesSmartHost
            receivingTransportServers = A (@($h.ReceivingTransportServers) | ForEach-Object { N $_ }); sendingTransportServers = A (@($h.SendingTransportServers) | ForEach-Object { N $_ })
            edgeTransportServers = A (@($h.EdgeTransportServers) | ForEach-Object { N $_ }) }
    }
    if ($inv.hybrid) {
        # The on-premises side of the hybrid relationship (never OrganizationContact, an address).
        $inv.hybrid.organizationRelationships = @(foreach ($x in (G 'Get-OrganizationRelationship' { Get-OrganizationRelationship })) {
                [ordered]@{ name = S $x.Name; domainNames = A $x.DomainNames; enabled = [bool]$x.Enabled; freeBusyAccessEnabled = [bool]$x.FreeBusyAccessEnabled
                    targetOwaUrl = U $x.TargetOwaURL; targetAutodiscoverEpr = U $x.TargetAutodiscoverEpr; targetSharingEpr = U $x.TargetSharingEpr } })
        $inv.hybrid.intraOrganizationConnectors = @()
        if (Has 'Get-IntraOrganizationConnector') {
            $inv.hybrid.intraOrganizationConnectors = @(foreach ($x in (G 'Get-IntraOrganizationConnector' { Get-IntraOrganizationConnector })) {
                    [ordered]@{ name = S $x.Name; enabled = [bool]$x.Enabled; targetAddressDomains = A $x.TargetAddressDomains; discoveryEndpoint = U $x.DiscoveryEndpoint } })
        }
    }
}

# Mailboxes: a bounded sample per database, anonymised unless -KeepNames.
Write-Progress -Activity 'exflow inventory' -Status 'Mailbox sample'
$map = New-Object System.Collections.ArrayList
$n = 0
$inv.mailboxes = @()
if ($PerDatabase -gt 0) {
    $inv.mailboxes = @(foreach ($db in $dbs) {
        foreach ($m in (G "Get-Mailbox -Database $($db.Name)" { Get-Mailbox -Database $db.Identity -ResultSize $PerDatabase -RecipientTypeDetails UserMailbox })) {
            $n++
            $id = $(if ($KeepNames) { S $m.Name } else { "user$n" })
            if (-not $KeepNames -and $NameMap) { [void]$map.Add((New-Object PSObject -Property ([ordered]@{ label = $id; name = "$($m.Name)" }))) }
            [ordered]@{ id = $id; database = S $db.Name; recipientTypeDetails = S $m.RecipientTypeDetails } } })
}
$inv.remoteMailboxes = @()
if ($RemoteSample -gt 0 -and (Has 'Get-RemoteMailbox')) {
    $r = 0
    $inv.remoteMailboxes = @(foreach ($m in (G 'Get-RemoteMailbox' { Get-RemoteMailbox -ResultSize $RemoteSample })) {
            $r++
            [ordered]@{ id = "remote$r"; remoteRoutingDomain = $(if ("$($m.RemoteRoutingAddress)" -match '@(.+)$') { $Matches[1] } else { $null }); recipientTypeDetails = S $m.RecipientTypeDetails } })
}
$inv.errors = @($errs)

Write-Progress -Activity 'exflow inventory' -Completed
# UTF-8 without BOM on 5.1 and 7 alike (5.1's Out-File and > would write UTF-16).
$path = $(if ([System.IO.Path]::IsPathRooted($Out)) { $Out } else { Join-Path (Get-Location).ProviderPath $Out })
$json = ConvertTo-Json -InputObject $inv -Depth 8
[System.IO.File]::WriteAllText($path, $json, (New-Object System.Text.UTF8Encoding $false))
if ($map.Count -gt 0) { $map | Export-Csv -Path $NameMap -NoTypeInformation -Encoding UTF8 }
Write-Host "exflow inventory written to $path`: $($inv.servers.Count) servers, $($inv.vdirs.Count) virtual directories, $($inv.mailboxes.Count) mailboxes, $($errs.Count) errors."
Write-Host "Next: exflow import `"$Out`" -o topology.yaml"
