<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AddChargeDialog</name>
    <message>
        <source>Type its rate, or tick exempt.</source>
        <translation>Type its rate, or tick exempt.</translation>
    </message>
    <message>
        <source>Add charge</source>
        <translation>Add charge</translation>
    </message>
    <message>
        <source>A charge's code as its bills carry it: its kind, a colon, and the name its contracts give it (service:空调费). Its rate here replaces its kind's.</source>
        <translation>A charge's code as its bills carry it: its kind, a colon, and the name its contracts give it (service:空调费). Its rate here replaces its kind's.</translation>
    </message>
    <message>
        <source>Kinds: %1</source>
        <translation>Kinds: %1</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>&amp;Rate</source>
        <translation>&amp;Rate</translation>
    </message>
    <message>
        <source>exempt</source>
        <translation>exempt</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <source>Enter the rate, the deposit and each unit's area as numbers.</source>
        <translation>Enter the rate, the deposit and each unit's area as numbers.</translation>
    </message>
    <message>
        <source>Working out the amendment…</source>
        <translation>Working out the amendment…</translation>
    </message>
    <message>
        <source>Version %1 from %2 changes:</source>
        <translation>Version %1 from %2 changes:</translation>
    </message>
    <message>
        <source>• nothing</source>
        <translation>• nothing</translation>
    </message>
    <message>
        <source>Total %1 → %2</source>
        <translation>Total %1 → %2</translation>
    </message>
    <message>
        <source>Amend %1</source>
        <translation>Amend %1</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Rent per m² a month</source>
        <translation>Rent per m² a month</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Ends on</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Show the changes</source>
        <translation>Show the changes</translation>
    </message>
    <message>
        <source>Schedule now</source>
        <translation>Schedule now</translation>
    </message>
    <message>
        <source>Schedule with the amendment</source>
        <translation>Schedule with the amendment</translation>
    </message>
</context>
<context>
    <name>AmendmentUnits</name>
    <message>
        <source>%1 is already in the contract.</source>
        <translation>%1 is already in the contract.</translation>
    </message>
    <message>
        <source>%1 (added)</source>
        <translation>%1 (added)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Billable area (m²)</source>
        <translation>Billable area (m²)</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Kept</translation>
    </message>
    <message>
        <source>Unit code to add, e.g. ZD-A-0301</source>
        <translation>Unit code to add, e.g. ZD-A-0301</translation>
    </message>
    <message>
        <source>Add unit</source>
        <translation>Add unit</translation>
    </message>
    <message>
        <source>Untick a unit to release it from the amendment's date; a unit added is held from that date.</source>
        <translation>Untick a unit to release it from the amendment's date; a unit added is held from that date.</translation>
    </message>
</context>
<context>
    <name>ArchiveMeterDialog</name>
    <message>
        <source>Closed by its final reading on {day}</source>
        <translation>Closed by its final reading on {day}</translation>
    </message>
    <message>
        <source>Never read: none needed</source>
        <translation>Never read: none needed</translation>
    </message>
    <message>
        <source>The dial's figure when taken out (last: {value} on {day})</source>
        <translation>The dial's figure when taken out (last: {value} on {day})</translation>
    </message>
    <message>
        <source>{field}: “{text}” is not a number</source>
        <translation>{field}: “{text}” is not a number</translation>
    </message>
    <message>
        <source>{field}: give the dial's figure on {day}</source>
        <translation>{field}: give the dial's figure on {day}</translation>
    </message>
    <message>
        <source>Archive meter {code}</source>
        <translation>Archive meter {code}</translation>
    </message>
    <message>
        <source>A meter that was read is never deleted: it is archived from the day it was taken out. Its readings stay, and it bills up to that day and no more. Its final reading closes each register; the reading of that day, if there is one, is its final.</source>
        <translation>A meter that was read is never deleted: it is archived from the day it was taken out. Its readings stay, and it bills up to that day and no more. Its final reading closes each register; the reading of that day, if there is one, is its final.</translation>
    </message>
    <message>
        <source>Removed on:</source>
        <translation>Removed on:</translation>
    </message>
    <message>
        <source>Final reading ({register}):</source>
        <translation>Final reading ({register}):</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AreaStatement</name>
    <message>
        <source>Click a finding to select its row</source>
        <translation>Click a finding to select its row</translation>
    </message>
    <message>
        <source>Print / PDF…</source>
        <translation>Print / PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Floor / unit</source>
        <translation>Floor / unit</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Use / state</source>
        <translation>Use / state</translation>
    </message>
    <message>
        <source>Gross m²</source>
        <translation>Gross m²</translation>
    </message>
    <message>
        <source>Internal m²</source>
        <translation>Internal m²</translation>
    </message>
    <message>
        <source>Common rooms m²</source>
        <translation>Common rooms m²</translation>
    </message>
    <message>
        <source>Walls &amp; unassigned m²</source>
        <translation>Walls &amp; unassigned m²</translation>
    </message>
    <message>
        <source>Shared rooms m²</source>
        <translation>Shared rooms m²</translation>
    </message>
    <message>
        <source>Building share m²</source>
        <translation>Building share m²</translation>
    </message>
    <message>
        <source>Common pool m²</source>
        <translation>Common pool m²</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Ratio</translation>
    </message>
    <message>
        <source>Load factor</source>
        <translation>Load factor</translation>
    </message>
    <message>
        <source>Share m²</source>
        <translation>Share m²</translation>
    </message>
    <message>
        <source>Leasable m²</source>
        <translation>Leasable m²</translation>
    </message>
    <message>
        <source>Leased m²</source>
        <translation>Leased m²</translation>
    </message>
    <message>
        <source>Vacant m²</source>
        <translation>Vacant m²</translation>
    </message>
    <message>
        <source>Other m²</source>
        <translation>Other m²</translation>
    </message>
    <message>
        <source>Not leasable m²</source>
        <translation>Not leasable m²</translation>
    </message>
    <message>
        <source>Billable m²</source>
        <translation>Billable m²</translation>
    </message>
    <message>
        <source>Leased</source>
        <translation>Leased</translation>
    </message>
    <message>
        <source>Vacant</source>
        <translation>Vacant</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reserved</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Unavailable</translation>
    </message>
    <message>
        <source>Not leasable</source>
        <translation>Not leasable</translation>
    </message>
    <message>
        <source>Common</source>
        <translation>Common</translation>
    </message>
    <message>
        <source>Building common</source>
        <translation>Building common</translation>
    </message>
    <message>
        <source>1 unit</source>
        <translation>1 unit</translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation>%1 units</translation>
    </message>
    <message>
        <source>billed on internal area</source>
        <translation>billed on internal area</translation>
    </message>
    <message>
        <source>billed on leasable area</source>
        <translation>billed on leasable area</translation>
    </message>
    <message>
        <source>Area statement</source>
        <translation>Area statement</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>as of %1</translation>
    </message>
    <message>
        <source>Totals add up</source>
        <translation>Totals add up</translation>
    </message>
    <message>
        <source>1 finding: the totals do not add up</source>
        <translation>1 finding: the totals do not add up</translation>
    </message>
    <message>
        <source>%1 findings: the totals do not add up</source>
        <translation>%1 findings: the totals do not add up</translation>
    </message>
    <message>
        <source>Page %1 / %2</source>
        <translation>Page %1 / %2</translation>
    </message>
    <message>
        <source>Leasemap · printed %1</source>
        <translation>Leasemap · printed %1</translation>
    </message>
    <message>
        <source>Leasemap · as of %1 · printed %2</source>
        <translation>Leasemap · as of %1 · printed %2</translation>
    </message>
    <message>
        <source>{floor}: the units' internal area ({internal} m²) exceeds the floor's gross area ({gross} m²) by {excess} m²</source>
        <translation>{floor}: the units' internal area ({internal} m²) exceeds the floor's gross area ({gross} m²) by {excess} m²</translation>
    </message>
    <message>
        <source>{floor}: {pool} m² of common area has no unit for rent to be shared over</source>
        <translation>{floor}: {pool} m² of common area has no unit for rent to be shared over</translation>
    </message>
    <message>
        <source>the building's shared common rooms ({pool} m²) have no unit for rent to be shared over</source>
        <translation>the building's shared common rooms ({pool} m²) have no unit for rent to be shared over</translation>
    </message>
    <message>
        <source>{floor}: the common shares add up to {shares} m², not {pool} m² (off by {difference} m²)</source>
        <translation>{floor}: the common shares add up to {shares} m², not {pool} m² (off by {difference} m²)</translation>
    </message>
    <message>
        <source>{unit} ({floor}): common share {stored} m², by the rule {expected} m² (off by {difference} m²)</source>
        <translation>{unit} ({floor}): common share {stored} m², by the rule {expected} m² (off by {difference} m²)</translation>
    </message>
    <message>
        <source>{unit} ({floor}): leasable area {stored} m² is not internal + share, {expected} m² (off by {difference} m²)</source>
        <translation>{unit} ({floor}): leasable area {stored} m² is not internal + share, {expected} m² (off by {difference} m²)</translation>
    </message>
    <message>
        <source>{unit} ({floor}): billable area {stored} m², by the park's rule {expected} m² (off by {difference} m²)</source>
        <translation>{unit} ({floor}): billable area {stored} m², by the park's rule {expected} m² (off by {difference} m²)</translation>
    </message>
    <message>
        <source>{unit} ({floor}): gross area {stored} m², by the rule {expected} m² (off by {difference} m²)</source>
        <translation>{unit} ({floor}): gross area {stored} m², by the rule {expected} m² (off by {difference} m²)</translation>
    </message>
    <message>
        <source>{unit} ({floor}) is common area but carries a share of {share} m², leasable {leasable} m², billable {billable} m²</source>
        <translation>{unit} ({floor}) is common area but carries a share of {share} m², leasable {leasable} m², billable {billable} m²</translation>
    </message>
    <message>
        <source>{floor}: leased, vacant and other areas add up to {counted} m², not the leasable {leasable} m² (off by {difference} m²; units {units})</source>
        <translation>{floor}: leased, vacant and other areas add up to {counted} m², not the leasable {leasable} m² (off by {difference} m²; units {units})</translation>
    </message>
    <message>
        <source>no building {code} in this workspace (buildings: {known})</source>
        <translation>no building {code} in this workspace (buildings: {known})</translation>
    </message>
</context>
<context>
    <name>BankCli</name>
    <message>
        <source>--column wants FIELD=HEADER, such as payer=户名, not “{text}”</source>
        <translation>--column wants FIELD=HEADER, such as payer=户名, not “{text}”</translation>
    </message>
    <message>
        <source>; name it with --column {field}=HEADER</source>
        <translation>; name it with --column {field}=HEADER</translation>
    </message>
    <message>
        <source>{date}  {amount}  {payer}  {outcome}{tenant}</source>
        <translation>{date}  {amount}  {payer}  {outcome}{tenant}</translation>
    </message>
    <message>
        <source>: {tenant} ({confidence}) → {bills}</source>
        <translation>: {tenant} ({confidence}) → {bills}</translation>
    </message>
    <message>
        <source>no bill</source>
        <translation>no bill</translation>
    </message>
    <message>
        <source>{file}: every receipt is imported already ({existing}): nothing new; rows skipped: {skipped}</source>
        <translation>{file}: every receipt is imported already ({existing}): nothing new; rows skipped: {skipped}</translation>
    </message>
    <message>
        <source>{file}: no receipts; rows skipped: {skipped}</source>
        <translation>{file}: no receipts; rows skipped: {skipped}</translation>
    </message>
    <message>
        <source>{file}: payments imported: {new} ({received}), {account}; imported before: {existing}; rows skipped: {skipped}</source>
        <translation>{file}: payments imported: {new} ({received}), {account}; imported before: {existing}; rows skipped: {skipped}</translation>
    </message>
    <message>
        <source>{file}: payments to import: {new} ({received}), {account}; imported before: {existing}; rows skipped: {skipped}; nothing written</source>
        <translation>{file}: payments to import: {new} ({received}), {account}; imported before: {existing}; rows skipped: {skipped}; nothing written</translation>
    </message>
    <message>
        <source>account {account}</source>
        <translation>account {account}</translation>
    </message>
    <message>
        <source>account (none)</source>
        <translation>account (none)</translation>
    </message>
    <message>
        <source>allocated automatically: {auto} ({auto_amount}); to confirm in Payments to match: {proposed} ({proposed_amount}); unmatched: {unmatched} ({unmatched_amount})</source>
        <translation>allocated automatically: {auto} ({auto_amount}); to confirm in Payments to match: {proposed} ({proposed_amount}); unmatched: {unmatched} ({unmatched_amount})</translation>
    </message>
</context>
<context>
    <name>BankImport</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>Matching</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>Bills</translation>
    </message>
</context>
<context>
    <name>BankImportDialog</name>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>Import cancelled: nothing was written.</translation>
    </message>
    <message>
        <source>Rehearsal cancelled.</source>
        <translation>Rehearsal cancelled.</translation>
    </message>
    <message>
        <source>Choose a bank statement</source>
        <translation>Choose a bank statement</translation>
    </message>
    <message>
        <source>Bank statements (*.csv *.xls *.xlsx);;All files (*)</source>
        <translation>Bank statements (*.csv *.xls *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>%1 from %2: %3</source>
        <translation>%1 from %2: %3</translation>
    </message>
    <message>
        <source>(no payer)</source>
        <translation>(no payer)</translation>
    </message>
    <message>
        <source>%1, confidence %2: %3 to %4</source>
        <translation>%1, confidence %2: %3 to %4</translation>
    </message>
    <message>
        <source>no bill</source>
        <translation>no bill</translation>
    </message>
    <message>
        <source>Import a bank statement</source>
        <translation>Import a bank statement</translation>
    </message>
    <message>
        <source>A bank statement is the account's export from the bank (CSV, XLS or XLSX). Its receipts become payments: those whose payer, reference and amount agree with a tenant's open bills are allocated automatically, the others wait in Payments to match. Rehearse it to see every payment; nothing is written until you import, and importing the same file again adds nothing.</source>
        <translation>A bank statement is the account's export from the bank (CSV, XLS or XLSX). Its receipts become payments: those whose payer, reference and amount agree with a tenant's open bills are allocated automatically, the others wait in Payments to match. Rehearse it to see every payment; nothing is written until you import, and importing the same file again adds nothing.</translation>
    </message>
    <message>
        <source>Statement:</source>
        <translation>Statement:</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>The account the file names, when it names one</source>
        <translation>The account the file names, when it names one</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Columns…</source>
        <translation>Columns…</translation>
    </message>
    <message>
        <source>Rehearse</source>
        <translation>Rehearse</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Payments to match…</source>
        <translation>Payments to match…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Which column holds each field (bold: needed; a Received column does for the amount). The columns you choose are remembered for the account when you import.</source>
        <translation>Which column holds each field (bold: needed; a Received column does for the amount). The columns you choose are remembered for the account when you import.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Importing the payments…</source>
        <translation>Importing the payments…</translation>
    </message>
    <message>
        <source>Reading the file's columns…</source>
        <translation>Reading the file's columns…</translation>
    </message>
    <message>
        <source>Reading and matching the statement…</source>
        <translation>Reading and matching the statement…</translation>
    </message>
    <message>
        <source>New payments (%1)</source>
        <translation>New payments (%1)</translation>
    </message>
    <message>
        <source>Skipped rows (%1)</source>
        <translation>Skipped rows (%1)</translation>
    </message>
    <message>
        <source>Choose a bank statement to begin.</source>
        <translation>Choose a bank statement to begin.</translation>
    </message>
    <message>
        <source>Choose a column for: %1</source>
        <translation>Choose a column for: %1</translation>
    </message>
    <message>
        <source>Rehearse the statement to see the payments it holds.</source>
        <translation>Rehearse the statement to see the payments it holds.</translation>
    </message>
    <message>
        <source>Every receipt of this file is imported already (%3): nothing new. Rows skipped: %4.</source>
        <translation>Every receipt of this file is imported already (%3): nothing new. Rows skipped: %4.</translation>
    </message>
    <message>
        <source>No receipts in this file. Rows skipped: %4.</source>
        <translation>No receipts in this file. Rows skipped: %4.</translation>
    </message>
    <message>
        <source>Payments imported: %1, %2 in all. Already imported before: %3. Rows skipped: %4. Importing the file again adds nothing.</source>
        <translation>Payments imported: %1, %2 in all. Already imported before: %3. Rows skipped: %4. Importing the file again adds nothing.</translation>
    </message>
    <message>
        <source>New payments: %1, %2 in all. Already imported: %3. Rows skipped: %4. Nothing is written until you import.</source>
        <translation>New payments: %1, %2 in all. Already imported: %3. Rows skipped: %4. Nothing is written until you import.</translation>
    </message>
    <message>
        <source>Account: %1.</source>
        <translation>Account: %1.</translation>
    </message>
    <message>
        <source>The account or the columns changed: rehearse again to import.</source>
        <translation>The account or the columns changed: rehearse again to import.</translation>
    </message>
    <message>
        <source>allocated automatically: %1 (%2)</source>
        <translation>allocated automatically: %1 (%2)</translation>
    </message>
    <message>
        <source>to confirm in Payments to match: %1 (%2)</source>
        <translation>to confirm in Payments to match: %1 (%2)</translation>
    </message>
    <message>
        <source>unmatched: %1 (%2)</source>
        <translation>unmatched: %1 (%2)</translation>
    </message>
    <message>
        <source>Matching: %1</source>
        <translation>Matching: %1</translation>
    </message>
    <message>
        <source>Matching would leave: %1</source>
        <translation>Matching would leave: %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>BillLinesDialog</name>
    <message>
        <source>Bill</source>
        <translation>Bill</translation>
    </message>
    <message>
        <source>Reading the bill…</source>
        <translation>Reading the bill…</translation>
    </message>
    <message>
        <source>Bill %1</source>
        <translation>Bill %1</translation>
    </message>
</context>
<context>
    <name>Billing</name>
    <message>
        <source>not a month (YYYY-MM) or a range of days: {text}</source>
        <translation>not a month (YYYY-MM) or a range of days: {text}</translation>
    </message>
    <message>
        <source>adjusts {billed} → {now}</source>
        <translation>adjusts {billed} → {now}</translation>
    </message>
    <message>
        <source>provisional: a correction follows</source>
        <translation>provisional: a correction follows</translation>
    </message>
    <message>
        <source>{first} – {last} is already billed: {existing} bills posted before, nothing new to post</source>
        <translation>{first} – {last} is already billed: {existing} bills posted before, nothing new to post</translation>
    </message>
    <message>
        <source>would post {created} bills ({total} {currency}); {existing} already posted; {skipped} skipped; nothing written</source>
        <translation>would post {created} bills ({total} {currency}); {existing} already posted; {skipped} skipped; nothing written</translation>
    </message>
    <message>
        <source>posted {created} bills ({total} {currency}); {existing} already posted; {skipped} skipped</source>
        <translation>posted {created} bills ({total} {currency}); {existing} already posted; {skipped} skipped</translation>
    </message>
    <message>
        <source>{contract}: a draft, not billed</source>
        <translation>{contract}: a draft, not billed</translation>
    </message>
    <message>
        <source>{contract}: not billed, its schedule cannot be computed ({problem})</source>
        <translation>{contract}: not billed, its schedule cannot be computed ({problem})</translation>
    </message>
    <message>
        <source>{contract}: no period of it starts from {from} to {to}</source>
        <translation>{contract}: no period of it starts from {from} to {to}</translation>
    </message>
    <message>
        <source>{contract}: {charge} from {period_start} is rent-free (0.00), not billed</source>
        <translation>{contract}: {charge} from {period_start} is rent-free (0.00), not billed</translation>
    </message>
    <message>
        <source>{contract}: {utility} for {unit} in {month} not billed: no reading closing the month on {meter} (run the same period again once it is read)</source>
        <translation>{contract}: {utility} for {unit} in {month} not billed: no reading closing the month on {meter} (run the same period again once it is read)</translation>
    </message>
    <message>
        <source>{contract}: {utility} for {unit} in {month} not billed: no tariff in force on {meter}</source>
        <translation>{contract}: {utility} for {unit} in {month} not billed: no tariff in force on {meter}</translation>
    </message>
    <message>
        <source>{contract}: {utility} for {unit} in {month} not billed: tariff {tariff} has no price for meter {meter}'s {register} register</source>
        <translation>{contract}: {utility} for {unit} in {month} not billed: tariff {tariff} has no price for meter {meter}'s {register} register</translation>
    </message>
    <message>
        <source>{contract}: {utility} for {unit} in {month} not billed: {meter} needs checking ({flag})</source>
        <translation>{contract}: {utility} for {unit} in {month} not billed: {meter} needs checking ({flag})</translation>
    </message>
    <message>
        <source>{unit}: {quantity} {measure} of {utility} in {month} ({amount}) used on {days} of {of_days} days nobody held it: the landlord's, not billed</source>
        <translation>{unit}: {quantity} {measure} of {utility} in {month} ({amount}) used on {days} of {of_days} days nobody held it: the landlord's, not billed</translation>
    </message>
    <message>
        <source>Meter {meter} of {unit} used {times}× its usual: {per_day} a day from {previous_on} to {on}, usually {median}; billed as read — check the reading</source>
        <translation>Meter {meter} of {unit} used {times}× its usual: {per_day} a day from {previous_on} to {on}, usually {median}; billed as read — check the reading</translation>
    </message>
    <message>
        <source>Caught up: {contract} amended from {effective_on} (version {version}) after {month} was billed, so its {utility} for {month} is billed now</source>
        <translation>Caught up: {contract} amended from {effective_on} (version {version}) after {month} was billed, so its {utility} for {month} is billed now</translation>
    </message>
    <message>
        <source>{unit} takes no share of meter {meter}'s shared {utility} in {month}: not connected ({why})</source>
        <translation>{unit} takes no share of meter {meter}'s shared {utility} in {month}: not connected ({why})</translation>
    </message>
    <message>
        <source>Meter {meter} ({register}): {from} on {from_on} to {to} on {to_on}, {dial} on the dial</source>
        <translation>Meter {meter} ({register}): {from} on {from_on} to {to} on {to_on}, {dial} on the dial</translation>
    </message>
    <message>
        <source>× {multiplier}, meter {meter}'s multiplier</source>
        <translation>× {multiplier}, meter {meter}'s multiplier</translation>
    </message>
    <message>
        <source>The dial turned past {rollover_at} between {previous_on} and {on}</source>
        <translation>The dial turned past {rollover_at} between {previous_on} and {on}</translation>
    </message>
    <message>
        <source>Meter replaced on {on}: the old one's final {previous}, the new one's initial {value}</source>
        <translation>Meter replaced on {on}: the old one's final {previous}, the new one's initial {value}</translation>
    </message>
    <message>
        <source>Installed on {on} at {value}</source>
        <translation>Installed on {on} at {value}</translation>
    </message>
    <message>
        <source>Removed on {on}</source>
        <translation>Removed on {on}</translation>
    </message>
    <message>
        <source>{quantity} {measure} at {price} ({tariff}, flat): {amount}</source>
        <translation>{quantity} {measure} at {price} ({tariff}, flat): {amount}</translation>
    </message>
    <message>
        <source>Band {band} ({from}–{up_to} {measure}): {quantity} {measure} at {price} ({tariff}, tiered): {amount}</source>
        <translation>Band {band} ({from}–{up_to} {measure}): {quantity} {measure} at {price} ({tariff}, tiered): {amount}</translation>
    </message>
    <message>
        <source>Band {band} (over {from} {measure}): {quantity} {measure} at {price} ({tariff}, tiered): {amount}</source>
        <translation>Band {band} (over {from} {measure}): {quantity} {measure} at {price} ({tariff}, tiered): {amount}</translation>
    </message>
    <message>
        <source>{register}: {quantity} {measure} at {price} ({tariff}, time of use): {amount}</source>
        <translation>{register}: {quantity} {measure} at {price} ({tariff}, time of use): {amount}</translation>
    </message>
    <message>
        <source>That price from {from} to {to}: {days} of the {of_days} days' use</source>
        <translation>That price from {from} to {to}: {days} of the {of_days} days' use</translation>
    </message>
    <message>
        <source>Meter {meter}: {main_use} {measure}, its sub meters {subs} (common areas {common}): {shared} {measure} shared</source>
        <translation>Meter {meter}: {main_use} {measure}, its sub meters {subs} (common areas {common}): {shared} {measure} shared</translation>
    </message>
    <message>
        <source>This unit's share by {basis}: {weight} of {denominator} → {quantity} {measure}, {amount} of the shared charge {charge} ({tariff}: {prices})</source>
        <translation>This unit's share by {basis}: {weight} of {denominator} → {quantity} {measure}, {amount} of the shared charge {charge} ({tariff}: {prices})</translation>
    </message>
    <message>
        <source>Held {days} of {of_days} days ({from} to {to}): {quantity} of {whole} {measure}, {amount} of {whole_amount}</source>
        <translation>Held {days} of {of_days} days ({from} to {to}): {quantity} of {whole} {measure}, {amount} of {whole_amount}</translation>
    </message>
    <message>
        <source>Tariff {tariff}: a version from {valid_from} entered after this month was billed</source>
        <translation>Tariff {tariff}: a version from {valid_from} entered after this month was billed</translation>
    </message>
    <message>
        <source>Tariff {tariff}: its version from {valid_from} archived after this month was billed</source>
        <translation>Tariff {tariff}: its version from {valid_from} archived after this month was billed</translation>
    </message>
    <message>
        <source>{contract} amended from {effective_on} (version {version}) after this month was billed</source>
        <translation>{contract} amended from {effective_on} (version {version}) after this month was billed</translation>
    </message>
    <message>
        <source>{contract} terminated on {terminated_on} after this month was billed: the days after it are not its</source>
        <translation>{contract} terminated on {terminated_on} after this month was billed: the days after it are not its</translation>
    </message>
    <message>
        <source>Meter {meter} moved from tariff {was} to {tariff} after this month was billed</source>
        <translation>Meter {meter} moved from tariff {was} to {tariff} after this month was billed</translation>
    </message>
    <message>
        <source>Meter {meter} set to tariff {tariff} after this month was billed</source>
        <translation>Meter {meter} set to tariff {tariff} after this month was billed</translation>
    </message>
    <message>
        <source>Meter {meter} taken off tariff {was} after this month was billed: no tariff prices it now</source>
        <translation>Meter {meter} taken off tariff {was} after this month was billed: no tariff prices it now</translation>
    </message>
    <message>
        <source>electricity</source>
        <translation>electricity</translation>
    </message>
    <message>
        <source>water</source>
        <translation>water</translation>
    </message>
    <message>
        <source>gas</source>
        <translation>gas</translation>
    </message>
    <message>
        <source>heat</source>
        <translation>heat</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>Electricity</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>Water</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>Gas</translation>
    </message>
    <message>
        <source>Heat</source>
        <translation>Heat</translation>
    </message>
    <message>
        <source>Late fee</source>
        <translation>Late fee</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <source>sharp</source>
        <translation>sharp</translation>
    </message>
    <message>
        <source>peak</source>
        <translation>peak</translation>
    </message>
    <message>
        <source>flat</source>
        <translation>flat</translation>
    </message>
    <message>
        <source>valley</source>
        <translation>valley</translation>
    </message>
    <message>
        <source>area</source>
        <translation>area</translation>
    </message>
    <message>
        <source>floor</source>
        <translation>floor</translation>
    </message>
    <message>
        <source>headcount</source>
        <translation>headcount</translation>
    </message>
    <message>
        <source>agreed weights</source>
        <translation>agreed weights</translation>
    </message>
    <message>
        <source>a reading below the one before</source>
        <translation>a reading below the one before</translation>
    </message>
    <message>
        <source>a reading off the dial</source>
        <translation>a reading off the dial</translation>
    </message>
    <message>
        <source>no initial reading of the new meter</source>
        <translation>no initial reading of the new meter</translation>
    </message>
    <message>
        <source>no final reading of the old meter</source>
        <translation>no final reading of the old meter</translation>
    </message>
    <message>
        <source>its sub meters measured more than it</source>
        <translation>its sub meters measured more than it</translation>
    </message>
    <message>
        <source>the shares' weights add up to 0</source>
        <translation>the shares' weights add up to 0</translation>
    </message>
    <message>
        <source>a unit under it has no weight</source>
        <translation>a unit under it has no weight</translation>
    </message>
    <message>
        <source>its shared use cannot be priced</source>
        <translation>its shared use cannot be priced</translation>
    </message>
    <message>
        <source>its basis cannot be read</source>
        <translation>its basis cannot be read</translation>
    </message>
    <message>
        <source>{meter} and {more} more</source>
        <translation>{meter} and {more} more</translation>
    </message>
    <message>
        <source>Late fee on {bill}: {overdue} overdue since {due_on}, {days} days at {rate} % a day, capped at the amount overdue: {accrued}</source>
        <translation>Late fee on {bill}: {overdue} overdue since {due_on}, {days} days at {rate} % a day, capped at the amount overdue: {accrued}</translation>
    </message>
    <message>
        <source>Late fee on {bill}: {overdue} overdue since {due_on}, {days} days at {rate} % a day: {accrued}</source>
        <translation>Late fee on {bill}: {overdue} overdue since {due_on}, {days} days at {rate} % a day: {accrued}</translation>
    </message>
    <message>
        <source>; {posted_before} of it billed before</source>
        <translation>; {posted_before} of it billed before</translation>
    </message>
</context>
<context>
    <name>BillingFlow</name>
    <message>
        <source>Billing run posted: %1, %2</source>
        <translation>Billing run posted: %1, %2</translation>
    </message>
    <message>
        <source>Billing run not posted: %1</source>
        <translation>Billing run not posted: %1</translation>
    </message>
</context>
<context>
    <name>BillingMenu</name>
    <message>
        <source>Open a workspace first</source>
        <translation>Open a workspace first</translation>
    </message>
    <message>
        <source>&amp;Billing</source>
        <translation>&amp;Billing</translation>
    </message>
    <message>
        <source>Billing &amp;run…</source>
        <translation>Billing &amp;run…</translation>
    </message>
    <message>
        <source>&amp;Collections…</source>
        <translation>&amp;Collections…</translation>
    </message>
    <message>
        <source>&amp;Invoices…</source>
        <translation>&amp;Invoices…</translation>
    </message>
    <message>
        <source>&amp;Three-ledger check…</source>
        <translation>&amp;Three-ledger check…</translation>
    </message>
    <message>
        <source>Import &amp;bank statement…</source>
        <translation>Import &amp;bank statement…</translation>
    </message>
    <message>
        <source>&amp;Meters…</source>
        <translation>&amp;Meters…</translation>
    </message>
    <message>
        <source>&amp;Payments to match</source>
        <translation>&amp;Payments to match</translation>
    </message>
    <message>
        <source>&amp;Enter payment…</source>
        <translation>&amp;Enter payment…</translation>
    </message>
    <message>
        <source>Re&amp;ceivables…</source>
        <translation>Re&amp;ceivables…</translation>
    </message>
    <message>
        <source>Ta&amp;x rates…</source>
        <translation>Ta&amp;x rates…</translation>
    </message>
    <message>
        <source>&amp;Holidays…</source>
        <translation>&amp;Holidays…</translation>
    </message>
</context>
<context>
    <name>BillingRun</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>1 bill</source>
        <translation>1 bill</translation>
    </message>
    <message>
        <source>%1 bills</source>
        <translation>%1 bills</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Bill</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Adjustment</translation>
    </message>
    <message>
        <source>Adjustment: %1 → %2</source>
        <translation>Adjustment: %1 → %2</translation>
    </message>
    <message>
        <source>Provisional: a later run posts the correction once the figure is known.</source>
        <translation>Provisional: a later run posts the correction once the figure is known.</translation>
    </message>
    <message>
        <source>caught up</source>
        <translation>caught up</translation>
    </message>
    <message>
        <source>see note</source>
        <translation>see note</translation>
    </message>
    <message>
        <source>check reading</source>
        <translation>check reading</translation>
    </message>
    <message>
        <source>Every meter (%1): %2</source>
        <translation>Every meter (%1): %2</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Adjusts %1: billed %2 before, %3 due now, a difference of %4.</source>
        <translation>Adjusts %1: billed %2 before, %3 due now, a difference of %4.</translation>
    </message>
    <message>
        <source>The period is no longer due (a termination or an amendment took it): what was billed for it is credited.</source>
        <translation>The period is no longer due (a termination or an amendment took it): what was billed for it is credited.</translation>
    </message>
    <message>
        <source>Changed since it was billed:</source>
        <translation>Changed since it was billed:</translation>
    </message>
    <message>
        <source>Due now:</source>
        <translation>Due now:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Unit %1, %2</source>
        <translation>Unit %1, %2</translation>
    </message>
    <message>
        <source>Bill number</source>
        <translation>Bill number</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>provisional</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
</context>
<context>
    <name>BillingRunDialog</name>
    <message>
        <source>Posting cancelled: nothing was written.</source>
        <translation>Posting cancelled: nothing was written.</translation>
    </message>
    <message>
        <source>Rehearsal cancelled.</source>
        <translation>Rehearsal cancelled.</translation>
    </message>
    <message>
        <source>Billing run</source>
        <translation>Billing run</translation>
    </message>
    <message>
        <source>A run bills every contract period that starts in the period chosen: rent, fees and other charges, and adjustments of periods billed before whose amount has changed. Rehearse it to see every bill; nothing is written until you post, and posting the same period again posts nothing twice.</source>
        <translation>A run bills every contract period that starts in the period chosen: rent, fees and other charges, and adjustments of periods billed before whose amount has changed. Rehearse it to see every bill; nothing is written until you post, and posting the same period again posts nothing twice.</translation>
    </message>
    <message>
        <source>Metered utilities are billed a month in arrears: a month's run bills the month before's electricity, water, gas and heat.</source>
        <translation>Metered utilities are billed a month in arrears: a month's run bills the month before's electricity, water, gas and heat.</translation>
    </message>
    <message>
        <source>Periods starting in:</source>
        <translation>Periods starting in:</translation>
    </message>
    <message>
        <source>Issue date:</source>
        <translation>Issue date:</translation>
    </message>
    <message>
        <source>A month</source>
        <translation>A month</translation>
    </message>
    <message>
        <source>A range of days</source>
        <translation>A range of days</translation>
    </message>
    <message>
        <source>Rehearse</source>
        <translation>Rehearse</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>Bills</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Posting the bills…</source>
        <translation>Posting the bills…</translation>
    </message>
    <message>
        <source>Rehearsing the run…</source>
        <translation>Rehearsing the run…</translation>
    </message>
    <message>
        <source>Skipped (%1)</source>
        <translation>Skipped (%1)</translation>
    </message>
    <message>
        <source>Rehearse the run to see the bills it would post.</source>
        <translation>Rehearse the run to see the bills it would post.</translation>
    </message>
    <message>
        <source>Adjustments among them: %1.</source>
        <translation>Adjustments among them: %1.</translation>
    </message>
    <message>
        <source>%2 is already billed: %5 posted before, nothing new to post. Skipped: %6.</source>
        <translation>%2 is already billed: %5 posted before, nothing new to post. Skipped: %6.</translation>
    </message>
    <message>
        <source>Posted %1 for %2, issued %3: %4 in all.</source>
        <translation>Posted %1 for %2, issued %3: %4 in all.</translation>
    </message>
    <message>
        <source>Already posted before: %5. Skipped: %6. Posting %2 again posts nothing new.</source>
        <translation>Already posted before: %5. Skipped: %6. Posting %2 again posts nothing new.</translation>
    </message>
    <message>
        <source>Nothing to bill for %2. Skipped: %6.</source>
        <translation>Nothing to bill for %2. Skipped: %6.</translation>
    </message>
    <message>
        <source>%1 to post for %2, issued %3: %4 in all.</source>
        <translation>%1 to post for %2, issued %3: %4 in all.</translation>
    </message>
    <message>
        <source>Already posted: %5. Skipped: %6. Nothing is written until you post.</source>
        <translation>Already posted: %5. Skipped: %6. Nothing is written until you post.</translation>
    </message>
    <message>
        <source>The period or the date changed: rehearse again to post.</source>
        <translation>The period or the date changed: rehearse again to post.</translation>
    </message>
</context>
<context>
    <name>ClassifyDialog</name>
    <message>
        <source>not changed: under contract %1, needs an amendment</source>
        <translation>not changed: under contract %1, needs an amendment</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>Use now</source>
        <translation>Use now</translation>
    </message>
    <message>
        <source>Would become</source>
        <translation>Would become</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>Common share m²</source>
        <translation>Common share m²</translation>
    </message>
    <message>
        <source>Leasable m²</source>
        <translation>Leasable m²</translation>
    </message>
    <message>
        <source>Billable m²</source>
        <translation>Billable m²</translation>
    </message>
    <message>
        <source>Classify rooms again</source>
        <translation>Classify rooms again</translation>
    </message>
    <message>
        <source>Building %1: each room's use (for rent or common area) as its name says. Nothing is written until you apply; rooms under contract are listed, not changed, and uses a person chose are kept.</source>
        <translation>Building %1: each room's use (for rent or common area) as its name says. Nothing is written until you apply; rooms under contract are listed, not changed, and uses a person chose are kept.</translation>
    </message>
    <message>
        <source>Floors</source>
        <translation>Floors</translation>
    </message>
    <message>
        <source>All floors</source>
        <translation>All floors</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Uses that change (%1)</source>
        <translation>Uses that change (%1)</translation>
    </message>
    <message>
        <source>Areas that move (%1)</source>
        <translation>Areas that move (%1)</translation>
    </message>
    <message>
        <source>Reading what classifying would change…</source>
        <translation>Reading what classifying would change…</translation>
    </message>
    <message>
        <source>Writing the changes…</source>
        <translation>Writing the changes…</translation>
    </message>
    <message>
        <source>1 room would change use.</source>
        <translation>1 room would change use.</translation>
    </message>
    <message>
        <source>%1 rooms would change use.</source>
        <translation>%1 rooms would change use.</translation>
    </message>
    <message>
        <source>1 room under contract is listed but not changed.</source>
        <translation>1 room under contract is listed but not changed.</translation>
    </message>
    <message>
        <source>%1 rooms under contract are listed but not changed.</source>
        <translation>%1 rooms under contract are listed but not changed.</translation>
    </message>
</context>
<context>
    <name>ClassifyRooms</name>
    <message>
        <source>for rent</source>
        <translation>for rent</translation>
    </message>
    <message>
        <source>common (floor)</source>
        <translation>common (floor)</translation>
    </message>
    <message>
        <source>common (building)</source>
        <translation>common (building)</translation>
    </message>
    <message>
        <source>a room number only ({word})</source>
        <translation>a room number only ({word})</translation>
    </message>
    <message>
        <source>nothing in its name decides: for rent, please check</source>
        <translation>nothing in its name decides: for rent, please check</translation>
    </message>
    <message>
        <source>the word “{word}”</source>
        <translation>the word “{word}”</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>and {n} more</translation>
    </message>
    <message>
        <source>Building {building}, levels {levels}: {n} rooms changed use</source>
        <translation>Building {building}, levels {levels}: {n} rooms changed use</translation>
    </message>
    <message>
        <source>Building {building}, levels {levels}: {n} rooms would change use (rehearsal: nothing was written; run without --dry-run to apply)</source>
        <translation>Building {building}, levels {levels}: {n} rooms would change use (rehearsal: nothing was written; run without --dry-run to apply)</translation>
    </message>
    <message>
        <source>  {code} {name}: {before} → {after} ({why})</source>
        <translation>  {code} {name}: {before} → {after} ({why})</translation>
    </message>
    <message>
        <source> — not changed: under contract {contracts}, it needs an amendment</source>
        <translation> — not changed: under contract {contracts}, it needs an amendment</translation>
    </message>
    <message>
        <source>Areas that move ({n} units):</source>
        <translation>Areas that move ({n} units):</translation>
    </message>
    <message>
        <source>  {code}: share {share_before} → {share_after} m², leasable {leasable_before} → {leasable_after} m², billable {billable_before} → {billable_after} m²</source>
        <translation>  {code}: share {share_before} → {share_after} m², leasable {leasable_before} → {leasable_after} m², billable {billable_before} → {billable_after} m²</translation>
    </message>
    <message>
        <source>For rent, but nothing in the name decides (please check): {units}</source>
        <translation>For rent, but nothing in the name decides (please check): {units}</translation>
    </message>
    <message>
        <source>Kept as a person set them: {units}</source>
        <translation>Kept as a person set them: {units}</translation>
    </message>
    <message>
        <source>Every room already has the use its name gives it.</source>
        <translation>Every room already has the use its name gives it.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>error: {message}</source>
        <translation>error: {message}</translation>
    </message>
    <message>
        <source>{message}; nothing was written</source>
        <translation>{message}; nothing was written</translation>
    </message>
    <message>
        <source>{message}
Nothing was written.</source>
        <translation>{message}
Nothing was written.</translation>
    </message>
    <message>
        <source>{message}; nothing was written; pass --force to import it anyway</source>
        <translation>{message}; nothing was written; pass --force to import it anyway</translation>
    </message>
    <message>
        <source>two workspaces named: {first} and {second}</source>
        <translation>two workspaces named: {first} and {second}</translation>
    </message>
    <message>
        <source>name the workspace with --workspace</source>
        <translation>name the workspace with --workspace</translation>
    </message>
    <message>
        <source>name the workspace to import into with --workspace</source>
        <translation>name the workspace to import into with --workspace</translation>
    </message>
    <message>
        <source>a demo park has at least {least} units; --units {units} is too few</source>
        <translation>a demo park has at least {least} units; --units {units} is too few</translation>
    </message>
    <message>
        <source>{file} exists; pass --force to replace it</source>
        <translation>{file} exists; pass --force to replace it</translation>
    </message>
    <message>
        <source>{code} {name} ({currency}) as of {day}</source>
        <translation>{code} {name} ({currency}) as of {day}</translation>
    </message>
    <message>
        <source>built {file}: {buildings}, {floors}, {units}, {common}, {tenants}, {contracts} in {seconds} s</source>
        <translation>built {file}: {buildings}, {floors}, {units}, {common}, {tenants}, {contracts} in {seconds} s</translation>
    </message>
    <message>
        <source>{buildings}, {units} ({for_rent}, {common}), leasable {leasable} m², leased {leased} m², vacant {vacant} m², occupancy {occupancy}</source>
        <translation>{buildings}, {units} ({for_rent}, {common}), leasable {leasable} m², leased {leased} m², vacant {vacant} m², occupancy {occupancy}</translation>
    </message>
    <message>
        <source>{code} {name}: {floors}, {units}</source>
        <translation>{code} {name}: {floors}, {units}</translation>
    </message>
    <message>
        <source>--classes takes 2 to 9</source>
        <translation>--classes takes 2 to 9</translation>
    </message>
    <message>
        <source>wrote {file}: {pages}</source>
        <translation>wrote {file}: {pages}</translation>
    </message>
    <message>
        <source>--layers wants role=layer pairs, such as rooms=使用面积线, not “{text}”</source>
        <translation>--layers wants role=layer pairs, such as rooms=使用面积线, not “{text}”</translation>
    </message>
    <message>
        <source>give --building CODE for a floor plan, or --site for a site plan</source>
        <translation>give --building CODE for a floor plan, or --site for a site plan</translation>
    </message>
    <message>
        <source>give --floor for a one-floor drawing or --levels, not both</source>
        <translation>give --floor for a one-floor drawing or --levels, not both</translation>
    </message>
    <message>
        <source>--levels {text}: give one level per floor, comma-separated, e.g. --levels 1,2,3 (-1 or B1 is the first basement; there is no level 0)</source>
        <translation>--levels {text}: give one level per floor, comma-separated, e.g. --levels 1,2,3 (-1 or B1 is the first basement; there is no level 0)</translation>
    </message>
    <message>
        <source>dry run: nothing was written; the import would change:</source>
        <translation>dry run: nothing was written; the import would change:</translation>
    </message>
    <message>
        <source>(--replace-site-plan removes the previous site plan)</source>
        <translation>(--replace-site-plan removes the previous site plan)</translation>
    </message>
    <message>
        <source>{n} building</source>
        <translation>{n} building</translation>
    </message>
    <message>
        <source>{n} buildings</source>
        <translation>{n} buildings</translation>
    </message>
    <message>
        <source>{n} floor</source>
        <translation>{n} floor</translation>
    </message>
    <message>
        <source>{n} floors</source>
        <translation>{n} floors</translation>
    </message>
    <message>
        <source>{n} unit</source>
        <translation>{n} unit</translation>
    </message>
    <message>
        <source>{n} units</source>
        <translation>{n} units</translation>
    </message>
    <message>
        <source>{n} unit for rent</source>
        <translation>{n} unit for rent</translation>
    </message>
    <message>
        <source>{n} units for rent</source>
        <translation>{n} units for rent</translation>
    </message>
    <message>
        <source>{n} common room</source>
        <translation>{n} common room</translation>
    </message>
    <message>
        <source>{n} common rooms</source>
        <translation>{n} common rooms</translation>
    </message>
    <message>
        <source>{n} tenant</source>
        <translation>{n} tenant</translation>
    </message>
    <message>
        <source>{n} tenants</source>
        <translation>{n} tenants</translation>
    </message>
    <message>
        <source>{n} contract</source>
        <translation>{n} contract</translation>
    </message>
    <message>
        <source>{n} contracts</source>
        <translation>{n} contracts</translation>
    </message>
    <message>
        <source>{n} page</source>
        <translation>{n} page</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <source>{n} room</source>
        <translation>{n} room</translation>
    </message>
    <message>
        <source>{n} rooms</source>
        <translation>{n} rooms</translation>
    </message>
    <message>
        <source>no floor level for "{file}": neither its name nor its title names one; pass --floor N with the level</source>
        <translation>no floor level for "{file}": neither its name nor its title names one; pass --floor N with the level</translation>
    </message>
    <message>
        <source>"{file}" names the roof ("{word}"), which is not a level; pass --floor N with the level</source>
        <translation>"{file}" names the roof ("{word}"), which is not a level; pass --floor N with the level</translation>
    </message>
    <message>
        <source>the file name "{text}" names two floors, "{first}" (level {first_level}) and "{second}" (level {second_level}); pass --floor N with the level</source>
        <translation>the file name "{text}" names two floors, "{first}" (level {first_level}) and "{second}" (level {second_level}); pass --floor N with the level</translation>
    </message>
    <message>
        <source>the title "{text}" names two floors, "{first}" (level {first_level}) and "{second}" (level {second_level}); pass --floor N with the level</source>
        <translation>the title "{text}" names two floors, "{first}" (level {first_level}) and "{second}" (level {second_level}); pass --floor N with the level</translation>
    </message>
    <message>
        <source>the file name "{file}" says level {first_level} but the drawing's title "{text}" says level {second_level}; pass --floor N with the level</source>
        <translation>the file name "{file}" says level {first_level} but the drawing's title "{text}" says level {second_level}; pass --floor N with the level</translation>
    </message>
    <message>
        <source>{file} has {count} floors and no level in the title of {floors}; pass --levels with one level per floor in drawing order (e.g. --levels {example})</source>
        <translation>{file} has {count} floors and no level in the title of {floors}; pass --levels with one level per floor in drawing order (e.g. --levels {example})</translation>
    </message>
    <message>
        <source>--levels gives {given} levels but {file} has {count} floors ({floors}); give one level per floor, in that order</source>
        <translation>--levels gives {given} levels but {file} has {count} floors ({floors}); give one level per floor, in that order</translation>
    </message>
    <message>
        <source>floors "{first}" and "{second}" would both be level {level}; pass --levels with one level per floor in drawing order</source>
        <translation>floors "{first}" and "{second}" would both be level {level}; pass --levels with one level per floor in drawing order</translation>
    </message>
    <message>
        <source>--floor applies to a one-floor plan; {file} has {count} floors: give each its level with --levels</source>
        <translation>--floor applies to a one-floor plan; {file} has {count} floors: give each its level with --levels</translation>
    </message>
    <message>
        <source>--area takes an area in m² above zero, such as 500, not “{text}”</source>
        <translation>--area takes an area in m² above zero, such as 500, not “{text}”</translation>
    </message>
    <message>
        <source>--floors {text}: give the lowest and highest level, e.g. --floors 3-8 (B1 or -1 is the first basement; there is no level 0)</source>
        <translation>--floors {text}: give the lowest and highest level, e.g. --floors 3-8 (B1 or -1 is the first basement; there is no level 0)</translation>
    </message>
    <message>
        <source>--limit takes a whole number from 1 up, not {text}</source>
        <translation>--limit takes a whole number from 1 up, not {text}</translation>
    </message>
    <message>
        <source>no park {code} in the workspace (parks: {parks})</source>
        <translation>no park {code} in the workspace (parks: {parks})</translation>
    </message>
    <message>
        <source>no building {code} in park {park} (buildings: {buildings})</source>
        <translation>no building {code} in park {park} (buildings: {buildings})</translation>
    </message>
    <message>
        <source>Vacant on {day}, about {area} m² in one piece, best fit first:</source>
        <translation>Vacant on {day}, about {area} m² in one piece, best fit first:</translation>
    </message>
    <message>
        <source>{building} {floor} (level {level}): {units}  {area} m²  {rent}  {share}%</source>
        <translation>{building} {floor} (level {level}): {units}  {area} m²  {rent}  {share}%</translation>
    </message>
    <message>
        <source>{amount} {currency}/month</source>
        <translation>{amount} {currency}/month</translation>
    </message>
    <message>
        <source>no asking rent</source>
        <translation>no asking rent</translation>
    </message>
    <message>
        <source>No neighbouring vacant units on one floor make {least}–{most} m² on {day}.</source>
        <translation>No neighbouring vacant units on one floor make {least}–{most} m² on {day}.</translation>
    </message>
</context>
<context>
    <name>Collections</name>
    <message>
        <source>Low risk</source>
        <translation>Low risk</translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation>Medium risk</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>High risk</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>The oldest bill still open, due {due_on}, is {days} days overdue: 1 point per {days_per_point} days, at most {cap}</source>
        <translation>The oldest bill still open, due {due_on}, is {days} days overdue: 1 point per {days_per_point} days, at most {cap}</translation>
    </message>
    <message>
        <source>{count} bills paid after their due date since {since} (the latest {max_days_late} days late): {each} points each, at most {cap}</source>
        <translation>{count} bills paid after their due date since {since} (the latest {max_days_late} days late): {each} points each, at most {cap}</translation>
    </message>
    <message>
        <source>Court case from {on}: {note} (counts until {until})</source>
        <translation>Court case from {on}: {note} (counts until {until})</translation>
    </message>
    <message>
        <source>Tax notice from {on}: {note} (counts until {until})</source>
        <translation>Tax notice from {on}: {note} (counts until {until})</translation>
    </message>
    <message>
        <source>The score stops at 0 ({points_off} points off in all)</source>
        <translation>The score stops at 0 ({points_off} points off in all)</translation>
    </message>
    <message>
        <source>{kind} from {on} ({note}) ended on {until}: it no longer counts</source>
        <translation>{kind} from {on} ({note}) ended on {until}: it no longer counts</translation>
    </message>
    <message>
        <source>{kind} from {on} ({note}) counts from that day</source>
        <translation>{kind} from {on} ({note}) counts from that day</translation>
    </message>
    <message>
        <source>{kind} from {on} ({note}): noted; only court and tax signals cost points</source>
        <translation>{kind} from {on} ({note}): noted; only court and tax signals cost points</translation>
    </message>
    <message>
        <source>A stored signal cannot be read: {entry}</source>
        <translation>A stored signal cannot be read: {entry}</translation>
    </message>
    <message>
        <source>Bill 7 days earlier</source>
        <translation>Bill 7 days earlier</translation>
    </message>
    <message>
        <source>Reminder letter (PDF)</source>
        <translation>Reminder letter (PDF)</translation>
    </message>
    <message>
        <source>Call within 1 working day</source>
        <translation>Call within 1 working day</translation>
    </message>
    <message>
        <source>Renewal frozen</source>
        <translation>Renewal frozen</translation>
    </message>
    <message>
        <source>Formal notice</source>
        <translation>Formal notice</translation>
    </message>
    <message>
        <source>Deposit warning</source>
        <translation>Deposit warning</translation>
    </message>
    <message>
        <source>Legal review</source>
        <translation>Legal review</translation>
    </message>
    <message>
        <source>Start termination</source>
        <translation>Start termination</translation>
    </message>
    <message>
        <source>Site check within 48 h</source>
        <translation>Site check within 48 h</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Court case</source>
        <translation>Court case</translation>
    </message>
    <message>
        <source>Tax notice</source>
        <translation>Tax notice</translation>
    </message>
    <message>
        <source>Other news</source>
        <translation>Other news</translation>
    </message>
    <message>
        <source>Ended {day}: the tier was left</source>
        <translation>Ended {day}: the tier was left</translation>
    </message>
    <message>
        <source>Done {day}</source>
        <translation>Done {day}</translation>
    </message>
    <message>
        <source>Holds while the tier does</source>
        <translation>Holds while the tier does</translation>
    </message>
    <message>
        <source>Open, {days} days late</source>
        <translation>Open, {days} days late</translation>
    </message>
    <message>
        <source>Open, due {day}</source>
        <translation>Open, due {day}</translation>
    </message>
    <message>
        <source>Low risk: no action. Bills go out as usual and no one needs to call.</source>
        <translation>Low risk: no action. Bills go out as usual and no one needs to call.</translation>
    </message>
    <message>
        <source>{tier}: no action is listed for this tenant.</source>
        <translation>{tier}: no action is listed for this tenant.</translation>
    </message>
    <message>
        <source>Score {score} of 100 · {tier}</source>
        <translation>Score {score} of 100 · {tier}</translation>
    </message>
    <message>
        <source>{amount} overdue since {day}</source>
        <translation>{amount} overdue since {day}</translation>
    </message>
    <message>
        <source>Renewal is frozen: the tenant's credit is {tier}.</source>
        <translation>Renewal is frozen: the tenant's credit is {tier}.</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Oldest due</source>
        <translation>Oldest due</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>Open actions</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>No point off: nothing overdue, no late payment, no court or tax signal</source>
        <translation>No point off: nothing overdue, no late payment, no court or tax signal</translation>
    </message>
    <message>
        <source>no contract</source>
        <translation>no contract</translation>
    </message>
    <message>
        <source>Credit on {day}: {count} tenants</source>
        <translation>Credit on {day}: {count} tenants</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>{tenants} — {tiers}</source>
        <translation>{tenants} — {tiers}</translation>
    </message>
    <message>
        <source>Nothing is overdue: there is no reminder to send</source>
        <translation>Nothing is overdue: there is no reminder to send</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Collections</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Points off</source>
        <translation>Points off</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Credit signals (entered by hand)</source>
        <translation>Credit signals (entered by hand)</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Counts until</source>
        <translation>Counts until</translation>
    </message>
    <message>
        <source>Days as 2026-03-01. Leave “Counts until” blank for the kind's default: 24 months for a court case, 12 for a tax notice.</source>
        <translation>Days as 2026-03-01. Leave “Counts until” blank for the kind's default: 24 months for a court case, 12 for a tax notice.</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Mark done</translation>
    </message>
    <message>
        <source>Letter in</source>
        <translation>Letter in</translation>
    </message>
    <message>
        <source>Generate reminder letter…</source>
        <translation>Generate reminder letter…</translation>
    </message>
    <message>
        <source>Add signal</source>
        <translation>Add signal</translation>
    </message>
    <message>
        <source>Remove signal</source>
        <translation>Remove signal</translation>
    </message>
    <message>
        <source>Save signals</source>
        <translation>Save signals</translation>
    </message>
</context>
<context>
    <name>CollectionsFlow</name>
    <message>
        <source>Reading the tenants' credit…</source>
        <translation>Reading the tenants' credit…</translation>
    </message>
    <message>
        <source>Actions not raised: %1</source>
        <translation>Actions not raised: %1</translation>
    </message>
    <message>
        <source>Marked done on %1.</source>
        <translation>Marked done on %1.</translation>
    </message>
    <message>
        <source>%1 signals saved.</source>
        <translation>%1 signals saved.</translation>
    </message>
    <message>
        <source>Reminder %1 kept with %2.</source>
        <translation>Reminder %1 kept with %2.</translation>
    </message>
    <message>
        <source>Save the reminder letter</source>
        <translation>Save the reminder letter</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Saved as %1.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Edit %1 of %2</source>
        <translation>Edit %1 of %2</translation>
    </message>
</context>
<context>
    <name>ContractDetail</name>
    <message>
        <source>Contract %1</source>
        <translation>Contract %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>terminated on %1</source>
        <translation>terminated on %1</translation>
    </message>
    <message>
        <source>%1 m²</source>
        <translation>%1 m²</translation>
    </message>
    <message>
        <source>%1 (%2 m²)</source>
        <translation>%1 (%2 m²)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>%1 to %2 (%3)</source>
        <translation>%1 to %2 (%3)</translation>
    </message>
    <message>
        <source>floor %1%</source>
        <translation>floor %1%</translation>
    </message>
    <message>
        <source>cap %1%</source>
        <translation>cap %1%</translation>
    </message>
    <message>
        <source>%1% of sales above the natural breakpoint</source>
        <translation>%1% of sales above the natural breakpoint</translation>
    </message>
    <message>
        <source>%1% of sales above %2 a month</source>
        <translation>%1% of sales above %2 a month</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>Rent</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Rent starts</source>
        <translation>Rent starts</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Billed</translation>
    </message>
    <message>
        <source>Rent-free</source>
        <translation>Rent-free</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <source>Turnover rent</source>
        <translation>Turnover rent</translation>
    </message>
    <message>
        <source>Area coefficient</source>
        <translation>Area coefficient</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Charges</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>No renewal advice for a draft</source>
        <translation>No renewal advice for a draft</translation>
    </message>
    <message>
        <source>Renew with an increase, to %1 per m² a month</source>
        <translation>Renew with an increase, to %1 per m² a month</translation>
    </message>
    <message>
        <source>Renew at the current rent, %1 per m² a month</source>
        <translation>Renew at the current rent, %1 per m² a month</translation>
    </message>
    <message>
        <source>Let the tenant go</source>
        <translation>Let the tenant go</translation>
    </message>
    <message>
        <source>The lease has ended: no advice</source>
        <translation>The lease has ended: no advice</translation>
    </message>
    <message>
        <source>No advice yet</source>
        <translation>No advice yet</translation>
    </message>
    <message>
        <source>No payment record yet: no bill has been issued to this tenant, so no late payment or arrears is counted.</source>
        <translation>No payment record yet: no bill has been issued to this tenant, so no late payment or arrears is counted.</translation>
    </message>
    <message>
        <source>Advice opens on %opens_on, 90 days before the end on %ends_on (%days_left days left).</source>
        <translation>Advice opens on %opens_on, 90 days before the end on %ends_on (%days_left days left).</translation>
    </message>
    <message>
        <source>The lease ended on %ends_on.</source>
        <translation>The lease ended on %ends_on.</translation>
    </message>
    <message>
        <source>Arrears of %amount are still open.</source>
        <translation>Arrears of %amount are still open.</translation>
    </message>
    <message>
        <source>%count late payments; the latest was %max_days days late.</source>
        <translation>%count late payments; the latest was %max_days days late.</translation>
    </message>
    <message>
        <source>%count late payments, at most %max_days days late: the tenant pays well.</source>
        <translation>%count late payments, at most %max_days days late: the tenant pays well.</translation>
    </message>
    <message>
        <source>No comparable deal signed since %since: the market cannot be judged.</source>
        <translation>No comparable deal signed since %since: the market cannot be judged.</translation>
    </message>
    <message>
        <source>The rent %current is %gap% below the market %market (the median of %deals deals in the last twelve months).</source>
        <translation>The rent %current is %gap% below the market %market (the median of %deals deals in the last twelve months).</translation>
    </message>
    <message>
        <source>The rent %current is at the market %market (%gap% apart; %deals deals in the last twelve months).</source>
        <translation>The rent %current is at the market %market (%gap% apart; %deals deals in the last twelve months).</translation>
    </message>
    <message>
        <source>%leads open leads want space like this.</source>
        <translation>%leads open leads want space like this.</translation>
    </message>
    <message>
        <source>No open lead wants space like this.</source>
        <translation>No open lead wants space like this.</translation>
    </message>
    <message>
        <source>The increase is held to %cap% (the market is %market).</source>
        <translation>The increase is held to %cap% (the market is %market).</translation>
    </message>
    <message>
        <source>Done %1</source>
        <translation>Done %1</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> by %1</translation>
    </message>
    <message>
        <source>1 day late</source>
        <translation>1 day late</translation>
    </message>
    <message>
        <source>%1 days late</source>
        <translation>%1 days late</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>v%1 · from %2</source>
        <translation>v%1 · from %2</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>signed</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>amended</translation>
    </message>
    <message>
        <source>Changed from version %1, from %2:</source>
        <translation>Changed from version %1, from %2:</translation>
    </message>
    <message>
        <source>As signed. It stays as it was whatever later versions change.</source>
        <translation>As signed. It stays as it was whatever later versions change.</translation>
    </message>
    <message>
        <source>Version 1's schedule, as signed:</source>
        <translation>Version 1's schedule, as signed:</translation>
    </message>
    <message>
        <source>Version %1's terms alone, over the whole term; the contract bills them from %2 (see Schedule):</source>
        <translation>Version %1's terms alone, over the whole term; the contract bills them from %2 (see Schedule):</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Generated</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>Attached</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>A contract is settled once it is terminated or has ended.</source>
        <translation>A contract is settled once it is terminated or has ended.</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>Amend…</translation>
    </message>
    <message>
        <source>Renew…</source>
        <translation>Renew…</translation>
    </message>
    <message>
        <source>Terminate…</source>
        <translation>Terminate…</translation>
    </message>
    <message>
        <source>Settle…</source>
        <translation>Settle…</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renewal</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Mark done</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Attach file…</translation>
    </message>
    <message>
        <source>Generate PDF…</source>
        <translation>Generate PDF…</translation>
    </message>
</context>
<context>
    <name>ContractDocument</name>
    <message>
        <source>Contract document</source>
        <translation>Contract document</translation>
    </message>
    <message>
        <source>Save contract document</source>
        <translation>Save contract document</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Attach a file to the contract</source>
        <translation>Attach a file to the contract</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Attach a file</translation>
    </message>
    <message>
        <source>The contract in Chinese</source>
        <translation>The contract in Chinese</translation>
    </message>
    <message>
        <source>The contract in English</source>
        <translation>The contract in English</translation>
    </message>
    <message>
        <source>Each paragraph in Chinese with its English beneath; the Chinese version prevails</source>
        <translation>Each paragraph in Chinese with its English beneath; the Chinese version prevails</translation>
    </message>
</context>
<context>
    <name>ContractFlow</name>
    <message>
        <source>No workspace is open.</source>
        <translation>No workspace is open.</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Reading the contract…</source>
        <translation>Reading the contract…</translation>
    </message>
    <message>
        <source>Marking it done…</source>
        <translation>Marking it done…</translation>
    </message>
    <message>
        <source>No unit %1 in this park.</source>
        <translation>No unit %1 in this park.</translation>
    </message>
    <message>
        <source>%1 renewed by %2</source>
        <translation>%1 renewed by %2</translation>
    </message>
    <message>
        <source>%1 settled on %2</source>
        <translation>%1 settled on %2</translation>
    </message>
    <message>
        <source>Deposit movement of %1 reversed</source>
        <translation>Deposit movement of %1 reversed</translation>
    </message>
    <message>
        <source>Deposit of %1 received</source>
        <translation>Deposit of %1 received</translation>
    </message>
    <message>
        <source>Deposit of %1 refunded</source>
        <translation>Deposit of %1 refunded</translation>
    </message>
</context>
<context>
    <name>ContractList</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Area m²</source>
        <translation>Area m²</translation>
    </message>
    <message>
        <source>Rent /m²/month</source>
        <translation>Rent /m²/month</translation>
    </message>
    <message>
        <source>Monthly rent</source>
        <translation>Monthly rent</translation>
    </message>
    <message>
        <source>Days to end</source>
        <translation>Days to end</translation>
    </message>
    <message>
        <source>Not read: %1</source>
        <translation>Not read: %1</translation>
    </message>
    <message>
        <source>Reading the contracts…</source>
        <translation>Reading the contracts…</translation>
    </message>
    <message>
        <source>%1 of %2 contracts</source>
        <translation>%1 of %2 contracts</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <source>Every building</source>
        <translation>Every building</translation>
    </message>
    <message>
        <source>Search code, tenant, unit…</source>
        <translation>Search code, tenant, unit…</translation>
    </message>
    <message>
        <source>Every state</source>
        <translation>Every state</translation>
    </message>
    <message>
        <source>Every type</source>
        <translation>Every type</translation>
    </message>
    <message>
        <source>Ending within</source>
        <translation>Ending within</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>any time</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
</context>
<context>
    <name>ContractTemplate</name>
    <message>
        <source>Line {line}: {name} is not a placeholder the document knows</source>
        <translation>Line {line}: {name} is not a placeholder the document knows</translation>
    </message>
    <message>
        <source>Line {line}: {name} must stand on a line of its own</source>
        <translation>Line {line}: {name} must stand on a line of its own</translation>
    </message>
    <message>
        <source>Line {line}: {name} cannot carry a format; write it plain</source>
        <translation>Line {line}: {name} cannot carry a format; write it plain</translation>
    </message>
    <message>
        <source>Line {line}: a brace without its pair (type {{ or }} for a brace itself)</source>
        <translation>Line {line}: a brace without its pair (type {{ or }} for a brace itself)</translation>
    </message>
    <message>
        <source>There is no contract template in language {language}</source>
        <translation>There is no contract template in language {language}</translation>
    </message>
    <message>
        <source>The Chinese template has {zh} articles (## headings) and the English one {en}: a bilingual document pairs them one for one</source>
        <translation>The Chinese template has {zh} articles (## headings) and the English one {en}: a bilingual document pairs them one for one</translation>
    </message>
    <message>
        <source>{section}: the Chinese template places {zh} and the English one {en}; a bilingual document needs the same blocks in the same order</source>
        <translation>{section}: the Chinese template places {zh} and the English one {en}; a bilingual document needs the same blocks in the same order</translation>
    </message>
    <message>
        <source>Article “{heading}”</source>
        <translation>Article “{heading}”</translation>
    </message>
    <message>
        <source>Before the first article</source>
        <translation>Before the first article</translation>
    </message>
    <message>
        <source>no block</source>
        <translation>no block</translation>
    </message>
    <message>
        <source>The Chinese template</source>
        <translation>The Chinese template</translation>
    </message>
    <message>
        <source>The English template</source>
        <translation>The English template</translation>
    </message>
    <message>
        <source>The contract template cannot be used:</source>
        <translation>The contract template cannot be used:</translation>
    </message>
    <message>
        <source>the contract's code</source>
        <translation>the contract's code</translation>
    </message>
    <message>
        <source>the contract's version number</source>
        <translation>the contract's version number</translation>
    </message>
    <message>
        <source>the signing date</source>
        <translation>the signing date</translation>
    </message>
    <message>
        <source>the date the document is made</source>
        <translation>the date the document is made</translation>
    </message>
    <message>
        <source>the landlord: the park's name</source>
        <translation>the landlord: the park's name</translation>
    </message>
    <message>
        <source>the park's address</source>
        <translation>the park's address</translation>
    </message>
    <message>
        <source>the tenant's name</source>
        <translation>the tenant's name</translation>
    </message>
    <message>
        <source>the tenant's contact person</source>
        <translation>the tenant's contact person</translation>
    </message>
    <message>
        <source>the tenant's phone</source>
        <translation>the tenant's phone</translation>
    </message>
    <message>
        <source>the tenant's email</source>
        <translation>the tenant's email</translation>
    </message>
    <message>
        <source>the codes of the units let</source>
        <translation>the codes of the units let</translation>
    </message>
    <message>
        <source>the billable area let, m²</source>
        <translation>the billable area let, m²</translation>
    </message>
    <message>
        <source>the first day of the term</source>
        <translation>the first day of the term</translation>
    </message>
    <message>
        <source>the last day of the term</source>
        <translation>the last day of the term</translation>
    </message>
    <message>
        <source>the term in words, with hand-over and rent start</source>
        <translation>the term in words, with hand-over and rent start</translation>
    </message>
    <message>
        <source>the hand-over date</source>
        <translation>the hand-over date</translation>
    </message>
    <message>
        <source>the first day of rent</source>
        <translation>the first day of rent</translation>
    </message>
    <message>
        <source>the rent clause in words</source>
        <translation>the rent clause in words</translation>
    </message>
    <message>
        <source>the area bands in words</source>
        <translation>the area bands in words</translation>
    </message>
    <message>
        <source>the area coefficient in words</source>
        <translation>the area coefficient in words</translation>
    </message>
    <message>
        <source>the rent-free periods in words</source>
        <translation>the rent-free periods in words</translation>
    </message>
    <message>
        <source>the rent review in words</source>
        <translation>the rent review in words</translation>
    </message>
    <message>
        <source>the turnover rent in words</source>
        <translation>the turnover rent in words</translation>
    </message>
    <message>
        <source>the charges in words</source>
        <translation>the charges in words</translation>
    </message>
    <message>
        <source>the deposit in words</source>
        <translation>the deposit in words</translation>
    </message>
    <message>
        <source>when payments are due, in words</source>
        <translation>when payments are due, in words</translation>
    </message>
    <message>
        <source>the late fee in words</source>
        <translation>the late fee in words</translation>
    </message>
    <message>
        <source>the deposit amount</source>
        <translation>the deposit amount</translation>
    </message>
    <message>
        <source>the rent over the term</source>
        <translation>the rent over the term</translation>
    </message>
    <message>
        <source>everything the schedule bills over the term</source>
        <translation>everything the schedule bills over the term</translation>
    </message>
    <message>
        <source>that total in words (Chinese capitals in Chinese)</source>
        <translation>that total in words (Chinese capitals in Chinese)</translation>
    </message>
    <message>
        <source>the contract's notes</source>
        <translation>the contract's notes</translation>
    </message>
    <message>
        <source>block: the table of units let</source>
        <translation>block: the table of units let</translation>
    </message>
    <message>
        <source>block: the plan of their floors, the units shaded</source>
        <translation>block: the plan of their floors, the units shaded</translation>
    </message>
    <message>
        <source>block: every clause, numbered</source>
        <translation>block: every clause, numbered</translation>
    </message>
    <message>
        <source>block: the full schedule and its totals</source>
        <translation>block: the full schedule and its totals</translation>
    </message>
    <message>
        <source>block: both parties' signature blocks</source>
        <translation>block: both parties' signature blocks</translation>
    </message>
</context>
<context>
    <name>ContractText</name>
    <message>
        <source>{area} m² at base {rate} per m² a month</source>
        <translation>{area} m² at base {rate} per m² a month</translation>
    </message>
    <message>
        <source>{area} m² at base {rate} per m² a day</source>
        <translation>{area} m² at base {rate} per m² a day</translation>
    </message>
    <message>
        <source>{days} of {of} days of {month}</source>
        <translation>{days} of {of} days of {month}</translation>
    </message>
    <message>
        <source>rent-free ({kind}) {applied_from} to {applied_to}</source>
        <translation>rent-free ({kind}) {applied_from} to {applied_to}</translation>
    </message>
    <message>
        <source>rent-free ({kind}) {starts_on} to {ends_on}, applied {applied_from} to {applied_to}</source>
        <translation>rent-free ({kind}) {starts_on} to {ends_on}, applied {applied_from} to {applied_to}</translation>
    </message>
    <message>
        <source>stepped price {price} per m² from {from}</source>
        <translation>stepped price {price} per m² from {from}</translation>
    </message>
    <message>
        <source>escalated +{percent}% a year, the step of {from}</source>
        <translation>escalated +{percent}% a year, the step of {from}</translation>
    </message>
    <message>
        <source>escalated +{amount} per m² a year, the step of {from}</source>
        <translation>escalated +{amount} per m² a year, the step of {from}</translation>
    </message>
    <message>
        <source>CPI {year} change {change}%, {applied}% applied from {from}</source>
        <translation>CPI {year} change {change}%, {applied}% applied from {from}</translation>
    </message>
    <message>
        <source>CPI {year} not known yet: {applied}% (the floor) applied from {from}, corrected once it is entered</source>
        <translation>CPI {year} not known yet: {applied}% (the floor) applied from {from}, corrected once it is entered</translation>
    </message>
    <message>
        <source>sales {sales} × {rate}% above the natural breakpoint {breakpoint}: +{amount}</source>
        <translation>sales {sales} × {rate}% above the natural breakpoint {breakpoint}: +{amount}</translation>
    </message>
    <message>
        <source>sales {sales} × {rate}% above the breakpoint {breakpoint}: +{amount}</source>
        <translation>sales {sales} × {rate}% above the breakpoint {breakpoint}: +{amount}</translation>
    </message>
    <message>
        <source>{month}: sales {sales} × {rate}% above the natural breakpoint {breakpoint} (base {base}): +{amount}</source>
        <translation>{month}: sales {sales} × {rate}% above the natural breakpoint {breakpoint} (base {base}): +{amount}</translation>
    </message>
    <message>
        <source>{month}: sales {sales} × {rate}% above the breakpoint {breakpoint}: +{amount}</source>
        <translation>{month}: sales {sales} × {rate}% above the breakpoint {breakpoint}: +{amount}</translation>
    </message>
    <message>
        <source>sales above the breakpoint {from} to {to} at {rate}%: {amount}</source>
        <translation>sales above the breakpoint {from} to {to} at {rate}%: {amount}</translation>
    </message>
    <message>
        <source>turnover part raised to its minimum {minimum} (computed {computed})</source>
        <translation>turnover part raised to its minimum {minimum} (computed {computed})</translation>
    </message>
    <message>
        <source>turnover part held to its maximum {maximum} (computed {computed})</source>
        <translation>turnover part held to its maximum {maximum} (computed {computed})</translation>
    </message>
    <message>
        <source>{name}: {amount} per m² a month × {area} m² = {monthly} a month</source>
        <translation>{name}: {amount} per m² a month × {area} m² = {monthly} a month</translation>
    </message>
    <message>
        <source>{name}: {monthly} a month</source>
        <translation>{name}: {monthly} a month</translation>
    </message>
    <message>
        <source>rent-free {starts_on} to {ends_on} does not apply to this charge</source>
        <translation>rent-free {starts_on} to {ends_on} does not apply to this charge</translation>
    </message>
    <message>
        <source>version {version} from {from}</source>
        <translation>version {version} from {from}</translation>
    </message>
    <message>
        <source>{starts_on} to {ends_on} of the period {period_starts_on} to {period_ends_on}</source>
        <translation>{starts_on} to {ends_on} of the period {period_starts_on} to {period_ends_on}</translation>
    </message>
    <message>
        <source>the term ends on {ends_on}, before it starts on {starts_on}: no schedule</source>
        <translation>the term ends on {ends_on}, before it starts on {starts_on}: no schedule</translation>
    </message>
    <message>
        <source>the rent-free period {starts_on} to {ends_on} lies outside the term</source>
        <translation>the rent-free period {starts_on} to {ends_on} lies outside the term</translation>
    </message>
    <message>
        <source>the CPI of {year} is not known yet: from {from} the floor is billed, and a correction follows once the index is entered</source>
        <translation>the CPI of {year} is not known yet: from {from} the floor is billed, and a correction follows once the index is entered</translation>
    </message>
    <message>
        <source>the CPI adjustment day (month {month}, day {day}) does not exist</source>
        <translation>the CPI adjustment day (month {month}, day {day}) does not exist</translation>
    </message>
    <message>
        <source>sales of {month} are not reported yet: the base rent is billed</source>
        <translation>sales of {month} are not reported yet: the base rent is billed</translation>
    </message>
    <message>
        <source>sales of {count} months between {first} and {last} are not reported yet: the base rent is billed</source>
        <translation>sales of {count} months between {first} and {last} are not reported yet: the base rent is billed</translation>
    </message>
    <message>
        <source>the due rule ({days}) is not a day that exists: billed on the period's first day instead</source>
        <translation>the due rule ({days}) is not a day that exists: billed on the period's first day instead</translation>
    </message>
    <message>
        <source>the versions are numbered {numbers}, not 1, 2, 3 …</source>
        <translation>the versions are numbered {numbers}, not 1, 2, 3 …</translation>
    </message>
    <message>
        <source>version {version} takes effect on {effective_on}, not after the version before it ({previous})</source>
        <translation>version {version} takes effect on {effective_on}, not after the version before it ({previous})</translation>
    </message>
    <message>
        <source>no version bills {starts_on} to {ends_on}</source>
        <translation>no version bills {starts_on} to {ends_on}</translation>
    </message>
    <message>
        <source>version {version} takes effect on {effective_on}, after its term ends on {ends_on}</source>
        <translation>version {version} takes effect on {effective_on}, after its term ends on {ends_on}</translation>
    </message>
    <message>
        <source>choose a tenant or type a new one's name</source>
        <translation>choose a tenant or type a new one's name</translation>
    </message>
    <message>
        <source>the term must start on {expected} (delivery, or rent start without fit-out), not {starts_on}</source>
        <translation>the term must start on {expected} (delivery, or rent start without fit-out), not {starts_on}</translation>
    </message>
    <message>
        <source>the term starts on {starts_on}, before signing on {signed_on}</source>
        <translation>the term starts on {starts_on}, before signing on {signed_on}</translation>
    </message>
    <message>
        <source>ends on {ends_on}, before it starts on {starts_on}</source>
        <translation>ends on {ends_on}, before it starts on {starts_on}</translation>
    </message>
    <message>
        <source>rent starts on {rent_starts_on}, before delivery on {delivered_on}</source>
        <translation>rent starts on {rent_starts_on}, before delivery on {delivered_on}</translation>
    </message>
    <message>
        <source>rent starts on {rent_starts_on}, after the end on {ends_on}</source>
        <translation>rent starts on {rent_starts_on}, after the end on {ends_on}</translation>
    </message>
    <message>
        <source>{starts_on} to {ends_on} lies outside the term {term_starts_on} to {term_ends_on}</source>
        <translation>{starts_on} to {ends_on} lies outside the term {term_starts_on} to {term_ends_on}</translation>
    </message>
    <message>
        <source>add at least one unit</source>
        <translation>add at least one unit</translation>
    </message>
    <message>
        <source>{unit} is listed twice</source>
        <translation>{unit} is listed twice</translation>
    </message>
    <message>
        <source>{unit} is leased by {contract} from {starts_on} to {last_day}</source>
        <translation>{unit} is leased by {contract} from {starts_on} to {last_day}</translation>
    </message>
    <message>
        <source>{unit} is not a unit of this park</source>
        <translation>{unit} is not a unit of this park</translation>
    </message>
    <message>
        <source>{unit} has been removed from the plan</source>
        <translation>{unit} has been removed from the plan</translation>
    </message>
    <message>
        <source>{unit} is common area ({use}): it cannot be let</source>
        <translation>{unit} is common area ({use}): it cannot be let</translation>
    </message>
    <message>
        <source>{unit} cannot be let now: {status}</source>
        <translation>{unit} cannot be let now: {status}</translation>
    </message>
    <message>
        <source>the billable area must be above zero, not {signed} m²</source>
        <translation>the billable area must be above zero, not {signed} m²</translation>
    </message>
    <message>
        <source>{signed} m² signed, but {unit} measures {unit_area} m² billable ({difference} m²)</source>
        <translation>{signed} m² signed, but {unit} measures {unit_area} m² billable ({difference} m²)</translation>
    </message>
    <message>
        <source>the rent is on {area} m² but the units add up to {units} m²</source>
        <translation>the rent is on {area} m² but the units add up to {units} m²</translation>
    </message>
    <message>
        <source>{amount} is below zero</source>
        <translation>{amount} is below zero</translation>
    </message>
    <message>
        <source>{value} must be above zero</source>
        <translation>{value} must be above zero</translation>
    </message>
    <message>
        <source>{days} is not a valid day for this due rule</source>
        <translation>{days} is not a valid day for this due rule</translation>
    </message>
    <message>
        <source>the bands' upper bounds ({bounds}) must rise, only the last one open</source>
        <translation>the bands' upper bounds ({bounds}) must rise, only the last one open</translation>
    </message>
    <message>
        <source>the last band ends at {last} m²: leave its bound empty so every m² is billed</source>
        <translation>the last band ends at {last} m²: leave its bound empty so every m² is billed</translation>
    </message>
    <message>
        <source>the cap {cap}% is below the floor {floor}%</source>
        <translation>the cap {cap}% is below the floor {floor}%</translation>
    </message>
    <message>
        <source>month {month}, day {day} is not a day every year has</source>
        <translation>month {month}, day {day} is not a day every year has</translation>
    </message>
    <message>
        <source>two steps start on the same day</source>
        <translation>two steps start on the same day</translation>
    </message>
    <message>
        <source>the maximum {maximum} is below the minimum {minimum}</source>
        <translation>the maximum {maximum} is below the minimum {minimum}</translation>
    </message>
    <message>
        <source>{month}: sales not reported yet, base rent only for that month</source>
        <translation>{month}: sales not reported yet, base rent only for that month</translation>
    </message>
    <message>
        <source>{unit} is added on {held_from}, outside the term</source>
        <translation>{unit} is added on {held_from}, outside the term</translation>
    </message>
    <message>
        <source>{problem}</source>
        <translation>{problem}</translation>
    </message>
    <message>
        <source>give the contract a code</source>
        <translation>give the contract a code</translation>
    </message>
    <message>
        <source>contract code {code} is already used</source>
        <translation>contract code {code} is already used</translation>
    </message>
    <message>
        <source>a renewal starts on {expected}, the day after the contract ends</source>
        <translation>a renewal starts on {expected}, the day after the contract ends</translation>
    </message>
    <message>
        <source>{terminated_on} is after the end on {ends_on}: the contract ends by itself</source>
        <translation>{terminated_on} is after the end on {ends_on}: the contract ends by itself</translation>
    </message>
    <message>
        <source>the term started on {starts_on}: terminate it on or after that day, not {terminated_on}</source>
        <translation>the term started on {starts_on}: terminate it on or after that day, not {terminated_on}</translation>
    </message>
    <message>
        <source>Contract code</source>
        <translation>Contract code</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>Delivered on</translation>
    </message>
    <message>
        <source>Rent starts on</source>
        <translation>Rent starts on</translation>
    </message>
    <message>
        <source>Term starts on</source>
        <translation>Term starts on</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Ends on</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Terminated on</source>
        <translation>Terminated on</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Billable area</source>
        <translation>Billable area</translation>
    </message>
    <message>
        <source>Rent per m²</source>
        <translation>Rent per m²</translation>
    </message>
    <message>
        <source>Priced</source>
        <translation>Priced</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Billed</translation>
    </message>
    <message>
        <source>Calendar periods</source>
        <translation>Calendar periods</translation>
    </message>
    <message>
        <source>30-day months</source>
        <translation>30-day months</translation>
    </message>
    <message>
        <source>Rent-free periods</source>
        <translation>Rent-free periods</translation>
    </message>
    <message>
        <source>Overlapping rent-free</source>
        <translation>Overlapping rent-free</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <source>Turnover rent</source>
        <translation>Turnover rent</translation>
    </message>
    <message>
        <source>Tiered pricing</source>
        <translation>Tiered pricing</translation>
    </message>
    <message>
        <source>Area coefficient</source>
        <translation>Area coefficient</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Charges</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Late fee</source>
        <translation>Late fee</translation>
    </message>
    <message>
        <source>Unit {key}</source>
        <translation>Unit {key}</translation>
    </message>
    <message>
        <source>Billable area of {key}</source>
        <translation>Billable area of {key}</translation>
    </message>
    <message>
        <source>Rent-free period {key}</source>
        <translation>Rent-free period {key}</translation>
    </message>
    <message>
        <source>Charge {key}</source>
        <translation>Charge {key}</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Signed, not started</source>
        <translation>Signed, not started</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Expiring</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Renewed</source>
        <translation>Renewed</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Terminated</translation>
    </message>
    <message>
        <source>per m² a month</source>
        <translation>per m² a month</translation>
    </message>
    <message>
        <source>per m² a day</source>
        <translation>per m² a day</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <source>Half-yearly</source>
        <translation>Half-yearly</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>Yearly</translation>
    </message>
    <message>
        <source>fit-out</source>
        <translation>fit-out</translation>
    </message>
    <message>
        <source>after opening</source>
        <translation>after opening</translation>
    </message>
    <message>
        <source>any dates</source>
        <translation>any dates</translation>
    </message>
    <message>
        <source>Stack: the later starts where the earlier ends</source>
        <translation>Stack: the later starts where the earlier ends</translation>
    </message>
    <message>
        <source>Longer wins: only the longest applies</source>
        <translation>Longer wins: only the longest applies</translation>
    </message>
    <message>
        <source>Fixed % a year</source>
        <translation>Fixed % a year</translation>
    </message>
    <message>
        <source>Fixed amount a year</source>
        <translation>Fixed amount a year</translation>
    </message>
    <message>
        <source>Stepped table</source>
        <translation>Stepped table</translation>
    </message>
    <message>
        <source>CPI, by yearly change</source>
        <translation>CPI, by yearly change</translation>
    </message>
    <message>
        <source>CPI, by index ratio</source>
        <translation>CPI, by index ratio</translation>
    </message>
    <message>
        <source>Property fee</source>
        <translation>Property fee</translation>
    </message>
    <message>
        <source>Service charge</source>
        <translation>Service charge</translation>
    </message>
    <message>
        <source>Parking</source>
        <translation>Parking</translation>
    </message>
    <message>
        <source>Other charge</source>
        <translation>Other charge</translation>
    </message>
    <message>
        <source>days before the period</source>
        <translation>days before the period</translation>
    </message>
    <message>
        <source>day of the month before</source>
        <translation>day of the month before</translation>
    </message>
    <message>
        <source>Leasing</source>
        <translation>Leasing</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>Finance</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Operations</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Units handed over</source>
        <translation>Units handed over</translation>
    </message>
    <message>
        <source>Rent starts</source>
        <translation>Rent starts</translation>
    </message>
    <message>
        <source>First payment</source>
        <translation>First payment</translation>
    </message>
    <message>
        <source>Quarterly review {n}</source>
        <translation>Quarterly review {n}</translation>
    </message>
    <message>
        <source>{n} days before the end</source>
        <translation>{n} days before the end</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>Rent</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
</context>
<context>
    <name>ContractWizard</name>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>{n} months</source>
        <translation>{n} months</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Billable m²</source>
        <translation>Billable m²</translation>
    </message>
    <message>
        <source>Asking rent</source>
        <translation>Asking rent</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Price per m²</source>
        <translation>Price per m²</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Band up to m² (0: the rest)</source>
        <translation>Band up to m² (0: the rest)</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Name on the bill</source>
        <translation>Name on the bill</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Per m²</source>
        <translation>Per m²</translation>
    </message>
    <message>
        <source>New contract</source>
        <translation>New contract</translation>
    </message>
    <message>
        <source>Edit draft contract</source>
        <translation>Edit draft contract</translation>
    </message>
    <message>
        <source>Contract and tenant</source>
        <translation>Contract and tenant</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>Rent</translation>
    </message>
    <message>
        <source>Rent-free periods</source>
        <translation>Rent-free periods</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <source>Tiered pricing by area band</source>
        <translation>Tiered pricing by area band</translation>
    </message>
    <message>
        <source>Turnover rent</source>
        <translation>Turnover rent</translation>
    </message>
    <message>
        <source>Charges billed with the rent</source>
        <translation>Charges billed with the rent</translation>
    </message>
    <message>
        <source>Late fee</source>
        <translation>Late fee</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Contract code</source>
        <translation>Contract code</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>New tenant's name</source>
        <translation>New tenant's name</translation>
    </message>
    <message>
        <source>Contact, phone</source>
        <translation>Contact, phone</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>Delivered on</translation>
    </message>
    <message>
        <source>Rent starts on</source>
        <translation>Rent starts on</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Ends on</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Rent per m²</source>
        <translation>Rent per m²</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Billed</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>Periods</translation>
    </message>
    <message>
        <source>Partial months</source>
        <translation>Partial months</translation>
    </message>
    <message>
        <source>Area coefficient</source>
        <translation>Area coefficient</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Overlapping periods</source>
        <translation>Overlapping periods</translation>
    </message>
    <message>
        <source>Increase a year</source>
        <translation>Increase a year</translation>
    </message>
    <message>
        <source>Added per m² a year</source>
        <translation>Added per m² a year</translation>
    </message>
    <message>
        <source>Rate of sales</source>
        <translation>Rate of sales</translation>
    </message>
    <message>
        <source>Breakpoint</source>
        <translation>Breakpoint</translation>
    </message>
    <message>
        <source>Minimum a month</source>
        <translation>Minimum a month</translation>
    </message>
    <message>
        <source>Maximum a month</source>
        <translation>Maximum a month</translation>
    </message>
    <message>
        <source>Per day overdue</source>
        <translation>Per day overdue</translation>
    </message>
    <message>
        <source>Days of grace</source>
        <translation>Days of grace</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>Cap</translation>
    </message>
    <message>
        <source>Once late</source>
        <translation>Once late</translation>
    </message>
    <message>
        <source>New tenant…</source>
        <translation>New tenant…</translation>
    </message>
    <message>
        <source>Company name as on the contract</source>
        <translation>Company name as on the contract</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Add the units selected on the plan</source>
        <translation>Add the units selected on the plan</translation>
    </message>
    <message>
        <source>Unit code, e.g. ZD-A-0301</source>
        <translation>Unit code, e.g. ZD-A-0301</translation>
    </message>
    <message>
        <source>Add by code</source>
        <translation>Add by code</translation>
    </message>
    <message>
        <source>Handed over before rent starts (fit-out)</source>
        <translation>Handed over before rent starts (fit-out)</translation>
    </message>
    <message>
        <source>Follow the calendar (first and last prorated)</source>
        <translation>Follow the calendar (first and last prorated)</translation>
    </message>
    <message>
        <source>Prorate over 30 days</source>
        <translation>Prorate over 30 days</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>Adjusted each year on month, day</source>
        <translation>Adjusted each year on month, day</translation>
    </message>
    <message>
        <source>Artificial (else natural: base ÷ rate)</source>
        <translation>Artificial (else natural: base ÷ rate)</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>At least</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>At most</translation>
    </message>
    <message>
        <source>Never more than the overdue amount</source>
        <translation>Never more than the overdue amount</translation>
    </message>
    <message>
        <source>Count from the due date, not after the grace</source>
        <translation>Count from the due date, not after the grace</translation>
    </message>
    <message>
        <source>Rent schedule</source>
        <translation>Rent schedule</translation>
    </message>
    <message>
        <source>To fix before saving</source>
        <translation>To fix before saving</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Select units on the plan first (Ctrl+click adds).</source>
        <translation>Select units on the plan first (Ctrl+click adds).</translation>
    </message>
    <message>
        <source>The units selected are listed already.</source>
        <translation>The units selected are listed already.</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>Added %1.</translation>
    </message>
    <message>
        <source>No unit %1 in this park.</source>
        <translation>No unit %1 in this park.</translation>
    </message>
    <message>
        <source>%1 is listed already.</source>
        <translation>%1 is listed already.</translation>
    </message>
    <message>
        <source>Total %1 m²</source>
        <translation>Total %1 m²</translation>
    </message>
    <message>
        <source>Total rent &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Total rent &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>everything &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>everything &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Net effective rent &lt;b&gt;%1&lt;/b&gt; per m² a month over %2 m²</source>
        <translation>Net effective rent &lt;b&gt;%1&lt;/b&gt; per m² a month over %2 m²</translation>
    </message>
    <message>
        <source>discounted at %1%: %2</source>
        <translation>discounted at %1%: %2</translation>
    </message>
    <message>
        <source>%1 bill lines</source>
        <translation>%1 bill lines</translation>
    </message>
    <message>
        <source>Not saved: fix the %1 marked fields first.</source>
        <translation>Not saved: fix the %1 marked fields first.</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>Signing…</translation>
    </message>
    <message>
        <source>Saving the draft…</source>
        <translation>Saving the draft…</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Not saved.</translation>
    </message>
</context>
<context>
    <name>ContractWizardFlow</name>
    <message>
        <source>No workspace is open.</source>
        <translation>No workspace is open.</translation>
    </message>
    <message>
        <source>Not saved: the marked fields were refused.</source>
        <translation>Not saved: the marked fields were refused.</translation>
    </message>
    <message>
        <source>Contract %1 signed</source>
        <translation>Contract %1 signed</translation>
    </message>
    <message>
        <source>Draft contract %1 saved</source>
        <translation>Draft contract %1 saved</translation>
    </message>
    <message>
        <source>Contract not saved</source>
        <translation>Contract not saved</translation>
    </message>
    <message>
        <source>Contract not opened</source>
        <translation>Contract not opened</translation>
    </message>
    <message>
        <source>%1 is signed: it changes by an amendment, not in the wizard.</source>
        <translation>%1 is signed: it changes by an amendment, not in the wizard.</translation>
    </message>
</context>
<context>
    <name>DepositMoveDialog</name>
    <message>
        <source>Type the amount as a number, such as 25,080.00.</source>
        <translation>Type the amount as a number, such as 25,080.00.</translation>
    </message>
    <message>
        <source>Working out what it writes…</source>
        <translation>Working out what it writes…</translation>
    </message>
    <message>
        <source>Nothing is written until you press Save.</source>
        <translation>Nothing is written until you press Save.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Refunded %1 of %2's deposit on %3.</source>
        <translation>Refunded %1 of %2's deposit on %3.</translation>
    </message>
    <message>
        <source>Refunding %1 of %2's deposit on %3:</source>
        <translation>Refunding %1 of %2's deposit on %3:</translation>
    </message>
    <message>
        <source>Received %1 into %2's deposit on %3.</source>
        <translation>Received %1 into %2's deposit on %3.</translation>
    </message>
    <message>
        <source>Receiving %1 into %2's deposit on %3:</source>
        <translation>Receiving %1 into %2's deposit on %3:</translation>
    </message>
    <message>
        <source>None: not out of a payment entered here</source>
        <translation>None: not out of a payment entered here</translation>
    </message>
    <message>
        <source>Reading the tenant's payments that hold money…</source>
        <translation>Reading the tenant's payments that hold money…</translation>
    </message>
    <message>
        <source>No payment of the tenant's holds money not allocated.</source>
        <translation>No payment of the tenant's holds money not allocated.</translation>
    </message>
    <message>
        <source>%1 of the tenant's payments hold money not allocated; the deposit taken out of one no longer waits in the payments queue.</source>
        <translation>%1 of the tenant's payments hold money not allocated; the deposit taken out of one no longer waits in the payments queue.</translation>
    </message>
    <message>
        <source>Refund the deposit of %1</source>
        <translation>Refund the deposit of %1</translation>
    </message>
    <message>
        <source>Part or all of what the deposit holds (%1 of %2 agreed), paid back to the tenant. Once the contract has ended, Settle… applies it to what is still owed first.</source>
        <translation>Part or all of what the deposit holds (%1 of %2 agreed), paid back to the tenant. Once the contract has ended, Settle… applies it to what is still owed first.</translation>
    </message>
    <message>
        <source>Receive the deposit of %1</source>
        <translation>Receive the deposit of %1</translation>
    </message>
    <message>
        <source>The deposit received, in whole or in part: it holds %1 of %2 agreed.</source>
        <translation>The deposit received, in whole or in part: it holds %1 of %2 agreed.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Dated</source>
        <translation>Dated</translation>
    </message>
    <message>
        <source>Came in with</source>
        <translation>Came in with</translation>
    </message>
    <message>
        <source>e.g. 25,080.00</source>
        <translation>e.g. 25,080.00</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>DepositPanel</name>
    <message>
        <source>Deposit: %1</source>
        <translation>Deposit: %1</translation>
    </message>
    <message>
        <source>The deposit holds nothing to refund.</source>
        <translation>The deposit holds nothing to refund.</translation>
    </message>
    <message>
        <source>Pay back part or all of what the deposit holds; says held before → after first.</source>
        <translation>Pay back part or all of what the deposit holds; says held before → after first.</translation>
    </message>
    <message>
        <source>Record the deposit received, in whole or in part, and the payment it came in; says what it writes first.</source>
        <translation>Record the deposit received, in whole or in part, and the payment it came in; says what it writes first.</translation>
    </message>
    <message>
        <source>A reversal is not reversed: enter the movement again.</source>
        <translation>A reversal is not reversed: enter the movement again.</translation>
    </message>
    <message>
        <source>This movement is reversed already.</source>
        <translation>This movement is reversed already.</translation>
    </message>
    <message>
        <source>Undo the selected movement with a reversing one; what it did to a payment or a bill is undone with it.</source>
        <translation>Undo the selected movement with a reversing one; what it did to a payment or a bill is undone with it.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Movement</translation>
    </message>
    <message>
        <source>Held ±</source>
        <translation>Held ±</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>Reversed</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>No deposit movement yet.</source>
        <translation>No deposit movement yet.</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>Reverse…</translation>
    </message>
    <message>
        <source>Receive…</source>
        <translation>Receive…</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Refund…</translation>
    </message>
</context>
<context>
    <name>DepositText</name>
    <message>
        <source>Deposit {amount} carried to {new}</source>
        <translation>Deposit {amount} carried to {new}</translation>
    </message>
    <message>
        <source>top-up {amount} due</source>
        <translation>top-up {amount} due</translation>
    </message>
    <message>
        <source>{amount} stays on {old} for its settlement</source>
        <translation>{amount} stays on {old} for its settlement</translation>
    </message>
    <message>
        <source>{old} holds no deposit to carry: {new}'s deposit of {asked} is due in full</source>
        <translation>{old} holds no deposit to carry: {new}'s deposit of {asked} is due in full</translation>
    </message>
    <message>
        <source>{new} asks no deposit</source>
        <translation>{new} asks no deposit</translation>
    </message>
    <message>
        <source>{new} is another tenant's: nothing of {old}'s deposit is carried</source>
        <translation>{new} is another tenant's: nothing of {old}'s deposit is carried</translation>
    </message>
    <message>
        <source>{new}'s deposit of {amount} is due in full</source>
        <translation>{new}'s deposit of {amount} is due in full</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Applied to a bill</source>
        <translation>Applied to a bill</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Carried to the renewal</source>
        <translation>Carried to the renewal</translation>
    </message>
    <message>
        <source>Carried from the contract renewed</source>
        <translation>Carried from the contract renewed</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Reversal</translation>
    </message>
    <message>
        <source>{amount} received</source>
        <translation>{amount} received</translation>
    </message>
    <message>
        <source>{amount} carried from {other}</source>
        <translation>{amount} carried from {other}</translation>
    </message>
    <message>
        <source>{amount} applied to bills</source>
        <translation>{amount} applied to bills</translation>
    </message>
    <message>
        <source>{amount} refunded</source>
        <translation>{amount} refunded</translation>
    </message>
    <message>
        <source>{amount} carried to {other}</source>
        <translation>{amount} carried to {other}</translation>
    </message>
    <message>
        <source>held {held} of {agreed} agreed</source>
        <translation>held {held} of {agreed} agreed</translation>
    </message>
    <message>
        <source>reverses a movement not listed</source>
        <translation>reverses a movement not listed</translation>
    </message>
    <message>
        <source>reverses: {kind} of {on}</source>
        <translation>reverses: {kind} of {on}</translation>
    </message>
    <message>
        <source>to {other}</source>
        <translation>to {other}</translation>
    </message>
    <message>
        <source>from {other}</source>
        <translation>from {other}</translation>
    </message>
    <message>
        <source>bill {bill}</source>
        <translation>bill {bill}</translation>
    </message>
    <message>
        <source>out of {payer}'s payment</source>
        <translation>out of {payer}'s payment</translation>
    </message>
    <message>
        <source>reversed</source>
        <translation>reversed</translation>
    </message>
    <message>
        <source>{amount} reversed</source>
        <translation>{amount} reversed</translation>
    </message>
    <message>
        <source>The deposit of {amount} received on {on} is reversed: {contract} holds {after} (now {holds})</source>
        <translation>The deposit of {amount} received on {on} is reversed: {contract} holds {after} (now {holds})</translation>
    </message>
    <message>
        <source>{amount} of {contract}'s deposit applied on {on} is reversed: it holds {after} (now {holds})</source>
        <translation>{amount} of {contract}'s deposit applied on {on} is reversed: it holds {after} (now {holds})</translation>
    </message>
    <message>
        <source>The refund of {amount} on {on} is reversed: {contract}'s deposit holds {after} (now {holds})</source>
        <translation>The refund of {amount} on {on} is reversed: {contract}'s deposit holds {after} (now {holds})</translation>
    </message>
    <message>
        <source>The carry of {amount} from {old} to {new} on {on} is reversed on both contracts: {old} holds {old_after} (now {old_holds}), {new} holds {new_after} (now {new_holds})</source>
        <translation>The carry of {amount} from {old} to {new} on {on} is reversed on both contracts: {old} holds {old_after} (now {old_holds}), {new} holds {new_after} (now {new_holds})</translation>
    </message>
    <message>
        <source>{payer}'s payment of {paid} on {paid_on} gets {amount} back, to allocate again</source>
        <translation>{payer}'s payment of {paid} on {paid_on} gets {amount} back, to allocate again</translation>
    </message>
    <message>
        <source>Bill {bill} is open again for {amount}</source>
        <translation>Bill {bill} is open again for {amount}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>{on} · {amount} · {payer} · holds {holds}</source>
        <translation>{on} · {amount} · {payer} · holds {holds}</translation>
    </message>
    <message>
        <source>held {holds} → {after} ({agreed} agreed)</source>
        <translation>held {holds} → {after} ({agreed} agreed)</translation>
    </message>
    <message>
        <source>{amount} paid back to the tenant</source>
        <translation>{amount} paid back to the tenant</translation>
    </message>
    <message>
        <source>not out of a payment entered here: no payment's money changes</source>
        <translation>not out of a payment entered here: no payment's money changes</translation>
    </message>
    <message>
        <source>from {payer}'s payment of {paid} on {paid_on}, which then holds {left} for the payments queue</source>
        <translation>from {payer}'s payment of {paid} on {paid_on}, which then holds {left} for the payments queue</translation>
    </message>
</context>
<context>
    <name>DepositsCli</name>
    <message>
        <source>not a date (YYYY-MM-DD): {text}</source>
        <translation>not a date (YYYY-MM-DD): {text}</translation>
    </message>
    <message>
        <source>not an amount: {text}</source>
        <translation>not an amount: {text}</translation>
    </message>
    <message>
        <source>not a payment id: {text}</source>
        <translation>not a payment id: {text}</translation>
    </message>
    <message>
        <source>{contract}: deposit {held}</source>
        <translation>{contract}: deposit {held}</translation>
    </message>
    <message>
        <source>no deposit movement yet</source>
        <translation>no deposit movement yet</translation>
    </message>
    <message>
        <source>not a deposit movement id: {text} (see: leasemap deposits CONTRACT)</source>
        <translation>not a deposit movement id: {text} (see: leasemap deposits CONTRACT)</translation>
    </message>
    <message>
        <source>Reversing it on {on}:</source>
        <translation>Reversing it on {on}:</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>Dry run: nothing was written.</translation>
    </message>
    <message>
        <source>Written, the reversing movements: {ids}</source>
        <translation>Written, the reversing movements: {ids}</translation>
    </message>
    <message>
        <source>Refunding {amount} of {contract}'s deposit on {on}:</source>
        <translation>Refunding {amount} of {contract}'s deposit on {on}:</translation>
    </message>
    <message>
        <source>Receiving {amount} into {contract}'s deposit on {on}:</source>
        <translation>Receiving {amount} into {contract}'s deposit on {on}:</translation>
    </message>
    <message>
        <source>Written, the movement: {id}</source>
        <translation>Written, the movement: {id}</translation>
    </message>
    <message>
        <source>Settling {contract} on {on}:</source>
        <translation>Settling {contract} on {on}:</translation>
    </message>
    <message>
        <source>Settled {contract} on {on}:</source>
        <translation>Settled {contract} on {on}:</translation>
    </message>
    <message>
        <source>Posted.</source>
        <translation>Posted.</translation>
    </message>
</context>
<context>
    <name>DueList</name>
    <message>
        <source>1 day late</source>
        <translation>1 day late</translation>
    </message>
    <message>
        <source>%1 days late</source>
        <translation>%1 days late</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>due today</translation>
    </message>
    <message>
        <source>due tomorrow</source>
        <translation>due tomorrow</translation>
    </message>
    <message>
        <source>due in %1 days</source>
        <translation>due in %1 days</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Not read: %1</source>
        <translation>Not read: %1</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>%1 shown, %2 late</source>
        <translation>%1 shown, %2 late</translation>
    </message>
    <message>
        <source>Every owner</source>
        <translation>Every owner</translation>
    </message>
    <message>
        <source>Late only</source>
        <translation>Late only</translation>
    </message>
</context>
<context>
    <name>EditFlow</name>
    <message>
        <source>The unit cannot be split</source>
        <translation>The unit cannot be split</translation>
    </message>
    <message>
        <source>The units cannot be merged</source>
        <translation>The units cannot be merged</translation>
    </message>
    <message>
        <source>The unit cannot take that shape</source>
        <translation>The unit cannot take that shape</translation>
    </message>
    <message>
        <source>The unit cannot be drawn</source>
        <translation>The unit cannot be drawn</translation>
    </message>
    <message>
        <source>The use cannot be changed</source>
        <translation>The use cannot be changed</translation>
    </message>
    <message>
        <source>The edit cannot be undone</source>
        <translation>The edit cannot be undone</translation>
    </message>
    <message>
        <source>The edit cannot be redone</source>
        <translation>The edit cannot be redone</translation>
    </message>
    <message>
        <source>Open a floor's plan to check it.</source>
        <translation>Open a floor's plan to check it.</translation>
    </message>
    <message>
        <source>The edit cannot be made</source>
        <translation>The edit cannot be made</translation>
    </message>
</context>
<context>
    <name>EditToolBar</name>
    <message>
        <source>Select</source>
        <translation>Select</translation>
    </message>
    <message>
        <source>Select units; Ctrl+click adds a unit or takes it out</source>
        <translation>Select units; Ctrl+click adds a unit or takes it out</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>Split a unit: click the points of a line across it (it snaps to corners, edges and walls; Shift keeps a segment level or plumb); double-click or Enter splits, Backspace takes back a point, Esc cancels</source>
        <translation>Split a unit: click the points of a line across it (it snaps to corners, edges and walls; Shift keeps a segment level or plumb); double-click or Enter splits, Backspace takes back a point, Esc cancels</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Merge the selected neighbouring units (M); with fewer than two selected, click the units to merge, then press Enter</source>
        <translation>Merge the selected neighbouring units (M); with fewer than two selected, click the units to merge, then press Enter</translation>
    </message>
    <message>
        <source>Vertices</source>
        <translation>Vertices</translation>
    </message>
    <message>
        <source>Drag a corner of the selected unit to move it; double-click an edge to add a corner; click a corner and press Delete to remove it</source>
        <translation>Drag a corner of the selected unit to move it; double-click an edge to add a corner; click a corner and press Delete to remove it</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Draw</translation>
    </message>
    <message>
        <source>Draw a new unit: click its corners; double-click or Enter closes it</source>
        <translation>Draw a new unit: click its corners; double-click or Enter closes it</translation>
    </message>
    <message>
        <source>Orthogonal</source>
        <translation>Orthogonal</translation>
    </message>
    <message>
        <source>Keep each segment level or plumb (or hold Shift while clicking)</source>
        <translation>Keep each segment level or plumb (or hold Shift while clicking)</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Use</translation>
    </message>
    <message>
        <source>Change the selected units' use</source>
        <translation>Change the selected units' use</translation>
    </message>
    <message>
        <source>Plan editing</source>
        <translation>Plan editing</translation>
    </message>
</context>
<context>
    <name>EditTools</name>
    <message>
        <source>Merge selected units</source>
        <translation>Merge selected units</translation>
    </message>
    <message>
        <source>Split this unit</source>
        <translation>Split this unit</translation>
    </message>
    <message>
        <source>Edit vertices</source>
        <translation>Edit vertices</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Use</translation>
    </message>
</context>
<context>
    <name>FinanceSettingsFlow</name>
    <message>
        <source>Reading the park's tax rates…</source>
        <translation>Reading the park's tax rates…</translation>
    </message>
    <message>
        <source>Tax rates saved.</source>
        <translation>Tax rates saved.</translation>
    </message>
    <message>
        <source>%1 saved in the calendar.</source>
        <translation>%1 saved in the calendar.</translation>
    </message>
    <message>
        <source>%1 removed from the calendar.</source>
        <translation>%1 removed from the calendar.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>Calendar imported from %1: %2 days added, %3 changed.</source>
        <translation>Calendar imported from %1: %2 days added, %3 changed.</translation>
    </message>
</context>
<context>
    <name>FindSpaceDialog</name>
    <message>
        <source>Floor</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Total m²</source>
        <translation>Total m²</translation>
    </message>
    <message>
        <source>Asking rent per month</source>
        <translation>Asking rent per month</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Find space</source>
        <translation>Find space</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>Floors</source>
        <translation>Floors</translation>
    </message>
    <message>
        <source>Vacant on</source>
        <translation>Vacant on</translation>
    </message>
    <message>
        <source>Whole park</source>
        <translation>Whole park</translation>
    </message>
    <message>
        <source>Only levels</source>
        <translation>Only levels</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Vacant units next to each other on one floor, up to six, that together make about the area.</source>
        <translation>Vacant units next to each other on one floor, up to six, that together make about the area.</translation>
    </message>
    <message>
        <source>No neighbouring vacant units on one floor make about this area on that day.</source>
        <translation>No neighbouring vacant units on one floor make about this area on that day.</translation>
    </message>
    <message>
        <source>1 candidate: choose it to see it on the plan.</source>
        <translation>1 candidate: choose it to see it on the plan.</translation>
    </message>
    <message>
        <source>%1 candidates, best fit first: choose one to see it on the plan.</source>
        <translation>%1 candidates, best fit first: choose one to see it on the plan.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
</context>
<context>
    <name>HolidayImportDialog</name>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Import a holiday calendar: %1</source>
        <translation>Import a holiday calendar: %1</translation>
    </message>
    <message>
        <source>%1 days to add, %2 to change, %3 there already, %4 refused. Nothing is written until you record them.</source>
        <translation>%1 days to add, %2 to change, %3 there already, %4 refused. Nothing is written until you record them.</translation>
    </message>
    <message>
        <source>Record %1 days</source>
        <translation>Record %1 days</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Holidays</name>
    <message>
        <source>Holiday (day off)</source>
        <translation>Holiday (day off)</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Row %1</translation>
    </message>
    <message>
        <source>%1: add %2, %3 %4</source>
        <translation>%1: add %2, %3 %4</translation>
    </message>
    <message>
        <source>%1: change %2 to %3 %4</source>
        <translation>%1: change %2 to %3 %4</translation>
    </message>
    <message>
        <source>%1: %2 is there already</source>
        <translation>%1: %2 is there already</translation>
    </message>
    <message>
        <source>%1: refused: %2</source>
        <translation>%1: refused: %2</translation>
    </message>
</context>
<context>
    <name>HolidaysCli</name>
    <message>
        <source>{file}: {lines} days ({years})</source>
        <translation>{file}: {lines} days ({years})</translation>
    </message>
    <message>
        <source>{added} days added, {changed} changed, {same} already there, {refused} refused</source>
        <translation>{added} days added, {changed} changed, {same} already there, {refused} refused</translation>
    </message>
    <message>
        <source>{added} days to add, {changed} to change, {same} already there, {refused} refused</source>
        <translation>{added} days to add, {changed} to change, {same} already there, {refused} refused</translation>
    </message>
    <message>
        <source>The first {shown} of {count} refused lines:</source>
        <translation>The first {shown} of {count} refused lines:</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… and {count} more</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>Dry run: nothing was written.</translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Import a holiday calendar</source>
        <translation>Import a holiday calendar</translation>
    </message>
    <message>
        <source>Calendars (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>Calendars (*.xlsx *.xls *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>%1 holidays, %2 make-up working days</source>
        <translation>%1 holidays, %2 make-up working days</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <source>The park's public holidays and the weekend days worked in their place (调休). Collections counts working days with them: a call within a working day, a legal review within five.</source>
        <translation>The park's public holidays and the weekend days worked in their place (调休). Collections counts working days with them: a call within a working day, a legal review within five.</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Name (国庆节, 春节 …)</source>
        <translation>Name (国庆节, 春节 …)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Import floor plan</source>
        <translation>Import floor plan</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>Cannot read the drawing</source>
        <translation>Cannot read the drawing</translation>
    </message>
    <message>
        <source>Warning: %1. Importing needs your confirmation.</source>
        <translation>Warning: %1. Importing needs your confirmation.</translation>
    </message>
    <message>
        <source>  %1: leasable %2 → %3 m², billable %4 → %5 m²</source>
        <translation>  %1: leasable %2 → %3 m², billable %4 → %5 m²</translation>
    </message>
    <message>
        <source>  %1 becomes %2: its code was made of the drawing's internal handle</source>
        <translation>  %1 becomes %2: its code was made of the drawing's internal handle</translation>
    </message>
    <message>
        <source>  Needs attention: %1 is under contract %2, which names the old code</source>
        <translation>  Needs attention: %1 is under contract %2, which names the old code</translation>
    </message>
    <message>
        <source>  %1 matched by overlap: the drawing labels the room %2, not %3; %4 → %5 m²</source>
        <translation>  %1 matched by overlap: the drawing labels the room %2, not %3; %4 → %5 m²</translation>
    </message>
    <message>
        <source>  Needs attention: %1 is under contract %2 and was matched to room %3 only by where it lies; check it is the same unit</source>
        <translation>  Needs attention: %1 is under contract %2 and was matched to room %3 only by where it lies; check it is the same unit</translation>
    </message>
    <message>
        <source>  Contract %1 needs an amendment: %2 was signed on %3 m², now %4 m²</source>
        <translation>  Contract %1 needs an amendment: %2 was signed on %3 m², now %4 m²</translation>
    </message>
    <message>
        <source>The drawing cannot be imported: on floor %1 units would overlap, and no two units on a floor may share floor area.</source>
        <translation>The drawing cannot be imported: on floor %1 units would overlap, and no two units on a floor may share floor area.</translation>
    </message>
    <message>
        <source>  %1 and %2 share %3 m²</source>
        <translation>  %1 and %2 share %3 m²</translation>
    </message>
    <message>
        <source>Correct the drawing and read it again.</source>
        <translation>Correct the drawing and read it again.</translation>
    </message>
    <message>
        <source>room %1 (%2)</source>
        <translation>room %1 (%2)</translation>
    </message>
    <message>
        <source>room %1</source>
        <translation>room %1</translation>
    </message>
    <message>
        <source>  Room %1 overlaps %2 by %3 m²; %2 is kept for contract %4: end or amend the contract, or correct the drawing</source>
        <translation>  Room %1 overlaps %2 by %3 m²; %2 is kept for contract %4: end or amend the contract, or correct the drawing</translation>
    </message>
    <message>
        <source>%1 (a draft)</source>
        <translation>%1 (a draft)</translation>
    </message>
    <message>
        <source>%1, ended %2</source>
        <translation>%1, ended %2</translation>
    </message>
    <message>
        <source>  Room %1 overlaps %2 by %3 m²; %2 is kept only because contract %4 points at it: archive the unit first (an import cannot overwrite a unit with history), or correct the drawing</source>
        <translation>  Room %1 overlaps %2 by %3 m²; %2 is kept only because contract %4 points at it: archive the unit first (an import cannot overwrite a unit with history), or correct the drawing</translation>
    </message>
    <message>
        <source>This drawing may not belong on this floor:
%1

Import it anyway?</source>
        <translation>This drawing may not belong on this floor:
%1

Import it anyway?</translation>
    </message>
    <message>
        <source>Importing %1 into %2…</source>
        <translation>Importing %1 into %2…</translation>
    </message>
    <message>
        <source>Floor plan not imported</source>
        <translation>Floor plan not imported</translation>
    </message>
    <message>
        <source>%1; nothing was written.</source>
        <translation>%1; nothing was written.</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation>Import cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>%1
Nothing was written.</source>
        <translation>%1
Nothing was written.</translation>
    </message>
    <message>
        <source>Imported into %1: %2 added, %3 changed, %4 removed.</source>
        <translation>Imported into %1: %2 added, %3 changed, %4 removed.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Rooms (closed outlines)</source>
        <translation>Rooms (closed outlines)</translation>
    </message>
    <message>
        <source>Walls</source>
        <translation>Walls</translation>
    </message>
    <message>
        <source>Room labels</source>
        <translation>Room labels</translation>
    </message>
    <message>
        <source>Gross-area outline</source>
        <translation>Gross-area outline</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Background</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <source>Reading the drawing…</source>
        <translation>Reading the drawing…</translation>
    </message>
    <message>
        <source>Reading cancelled; go back to choose again.</source>
        <translation>Reading cancelled; go back to choose again.</translation>
    </message>
    <message>
        <source>%1 — %2 rooms</source>
        <translation>%1 — %2 rooms</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>Automatic (%1)</translation>
    </message>
    <message>
        <source>%1 rooms on %2 floors; %3 warnings.</source>
        <translation>%1 rooms on %2 floors; %3 warnings.</translation>
    </message>
    <message>
        <source>The drawing cannot be imported: %1</source>
        <translation>The drawing cannot be imported: %1</translation>
    </message>
    <message>
        <source>Changes to the register if you import now</source>
        <translation>Changes to the register if you import now</translation>
    </message>
    <message>
        <source>  %1 (level %2): %3 added, %4 changed, %5 unchanged, %6 removed</source>
        <translation>  %1 (level %2): %3 added, %4 changed, %5 unchanged, %6 removed</translation>
    </message>
    <message>
        <source>    %1: %2 → %3 m²</source>
        <translation>    %1: %2 → %3 m²</translation>
    </message>
    <message>
        <source>    %1 is gone from the drawing but kept: a contract points at it</source>
        <translation>    %1 is gone from the drawing but kept: a contract points at it</translation>
    </message>
    <message>
        <source>unknown: enter the level</source>
        <translation>unknown: enter the level</translation>
    </message>
    <message>
        <source>entered by you</source>
        <translation>entered by you</translation>
    </message>
    <message>
        <source>by elevation order (storey at %1 m)</source>
        <translation>by elevation order (storey at %1 m)</translation>
    </message>
    <message>
        <source>from the storey name “%1”</source>
        <translation>from the storey name “%1”</translation>
    </message>
    <message>
        <source>from the drawing's title “%1”</source>
        <translation>from the drawing's title “%1”</translation>
    </message>
    <message>
        <source>from “%1” in the file name “%2”</source>
        <translation>from “%1” in the file name “%2”</translation>
    </message>
    <message>
        <source>from the file name “%1”</source>
        <translation>from the file name “%1”</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>Drawing units: %1</source>
        <translation>Drawing units: %1</translation>
    </message>
    <message>
        <source>Floor %1</source>
        <translation>Floor %1</translation>
    </message>
    <message>
        <source>  → level %1 (%2)</source>
        <translation>  → level %1 (%2)</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>Choose a floor plan</source>
        <translation>Choose a floor plan</translation>
    </message>
    <message>
        <source>Floor plans (*.dxf *.dwg *.ifc);;All files (*)</source>
        <translation>Floor plans (*.dxf *.dwg *.ifc);;All files (*)</translation>
    </message>
    <message>
        <source>A DXF, DWG or IFC floor plan, and the building it belongs to.</source>
        <translation>A DXF, DWG or IFC floor plan, and the building it belongs to.</translation>
    </message>
    <message>
        <source>Enter the level of every floor: 1 is the ground floor, -1 the first basement.</source>
        <translation>Enter the level of every floor: 1 is the ground floor, -1 the first basement.</translation>
    </message>
    <message>
        <source>Leasable</source>
        <translation>Leasable</translation>
    </message>
    <message>
        <source>Mark as leasable</source>
        <translation>Mark as leasable</translation>
    </message>
    <message>
        <source>Common</source>
        <translation>Common</translation>
    </message>
    <message>
        <source>Mark as the floor's common area</source>
        <translation>Mark as the floor's common area</translation>
    </message>
    <message>
        <source>Building common</source>
        <translation>Building common</translation>
    </message>
    <message>
        <source>Mark as the building's common area</source>
        <translation>Mark as the building's common area</translation>
    </message>
    <message>
        <source>%1 rooms to check: nothing in the drawing says whether they are common area.</source>
        <translation>%1 rooms to check: nothing in the drawing says whether they are common area.</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>To check</translation>
    </message>
    <message>
        <source>Two floors have the same level; give each floor its own.</source>
        <translation>Two floors have the same level; give each floor its own.</translation>
    </message>
    <message>
        <source>Check each floor's level and why; change any that is wrong.</source>
        <translation>Check each floor's level and why; change any that is wrong.</translation>
    </message>
    <message>
        <source>Set by you; the drawing said: %1</source>
        <translation>Set by you; the drawing said: %1</translation>
    </message>
    <message>
        <source>Import floor plan</source>
        <translation>Import floor plan</translation>
    </message>
    <message>
        <source>Drawing and target</source>
        <translation>Drawing and target</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Building code</source>
        <translation>Building code</translation>
    </message>
    <message>
        <source>Floor level</source>
        <translation>Floor level</translation>
    </message>
    <message>
        <source>from the drawing's name, title or storeys; you confirm it next</source>
        <translation>from the drawing's name, title or storeys; you confirm it next</translation>
    </message>
    <message>
        <source>One unit per IfcZone (IFC), not per space</source>
        <translation>One unit per IfcZone (IFC), not per space</translation>
    </message>
    <message>
        <source>Rooms found</source>
        <translation>Rooms found</translation>
    </message>
    <message>
        <source>Green rooms are sure, amber ones are guesses. Correct layer roles on the right; the drawing is read again at once.</source>
        <translation>Green rooms are sure, amber ones are guesses. Correct layer roles on the right; the drawing is read again at once.</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>Area (m²)</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Use</translation>
    </message>
    <message>
        <source>Double-click a room's use to change it; right-click selected rooms to change them all at once.</source>
        <translation>Double-click a room's use to change it; right-click selected rooms to change them all at once.</translation>
    </message>
    <message>
        <source>Drawing units</source>
        <translation>Drawing units</translation>
    </message>
    <message>
        <source>Floors and levels</source>
        <translation>Floors and levels</translation>
    </message>
    <message>
        <source>Which level of the building each floor of the drawing is, and why. Nothing is guessed: change any level that is wrong.</source>
        <translation>Which level of the building each floor of the drawing is, and why. Nothing is guessed: change any level that is wrong.</translation>
    </message>
    <message>
        <source>Floor of the drawing</source>
        <translation>Floor of the drawing</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Nothing is written until you press Import; then all of it, at once.</source>
        <translation>Nothing is written until you press Import; then all of it, at once.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>InputsFlow</name>
    <message>
        <source>No workspace is open.</source>
        <translation>No workspace is open.</translation>
    </message>
    <message>
        <source>Sales of %1 saved: %2.</source>
        <translation>Sales of %1 saved: %2.</translation>
    </message>
    <message>
        <source>Sales of %1 taken back: the month bills the base rent until they are reported.</source>
        <translation>Sales of %1 taken back: the month bills the base rent until they are reported.</translation>
    </message>
    <message>
        <source>Sales: %1 months added, %2 corrected, %3 rejected</source>
        <translation>Sales: %1 months added, %2 corrected, %3 rejected</translation>
    </message>
    <message>
        <source>Reading the park's CPI…</source>
        <translation>Reading the park's CPI…</translation>
    </message>
    <message>
        <source>CPI %1 saved: %2.</source>
        <translation>CPI %1 saved: %2.</translation>
    </message>
    <message>
        <source>%1 has no sales reported for %2: nothing to take back.</source>
        <translation>%1 has no sales reported for %2: nothing to take back.</translation>
    </message>
    <message>
        <source>Import sales</source>
        <translation>Import sales</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.csv);;All files (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.csv);;All files (*)</translation>
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <source>Recording…</source>
        <translation>Recording…</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Bill</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Bill total</source>
        <translation>Bill total</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>Invoiced</translation>
    </message>
    <message>
        <source>Left to invoice</source>
        <translation>Left to invoice</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>VAT rate</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>Amount incl. tax</source>
        <translation>Amount incl. tax</translation>
    </message>
    <message>
        <source>The park has no VAT rate for this charge.</source>
        <translation>The park has no VAT rate for this charge.</translation>
    </message>
    <message>
        <source>%1 incl. tax = %2 excl. tax + %3 tax at %4</source>
        <translation>%1 incl. tax = %2 excl. tax + %3 tax at %4</translation>
    </message>
    <message>
        <source>Reissue an invoice</source>
        <translation>Reissue an invoice</translation>
    </message>
    <message>
        <source>Issue an invoice</source>
        <translation>Issue an invoice</translation>
    </message>
    <message>
        <source>Invoice number:</source>
        <translation>Invoice number:</translation>
    </message>
    <message>
        <source>Record the invoice</source>
        <translation>Record the invoice</translation>
    </message>
    <message>
        <source>Void invoice %1</source>
        <translation>Void invoice %1</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>Reverse invoice %1 (红冲)</source>
        <translation>Reverse invoice %1 (红冲)</translation>
    </message>
    <message>
        <source>Red invoice number:</source>
        <translation>Red invoice number:</translation>
    </message>
    <message>
        <source>Record the red invoice</source>
        <translation>Record the red invoice</translation>
    </message>
    <message>
        <source>as the tax platform issued it</source>
        <translation>as the tax platform issued it</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <source>tax included</source>
        <translation>tax included</translation>
    </message>
    <message>
        <source>tax excluded</source>
        <translation>tax excluded</translation>
    </message>
    <message>
        <source>Red amounts:</source>
        <translation>Red amounts:</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>Split:</translation>
    </message>
    <message>
        <source>Replaces:</source>
        <translation>Replaces:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>required: why, as a tax audit would ask</source>
        <translation>required: why, as a tax audit would ask</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>InvoiceFlow</name>
    <message>
        <source>Reading the bills and invoices…</source>
        <translation>Reading the bills and invoices…</translation>
    </message>
    <message>
        <source>Invoice %1 recorded for %2.</source>
        <translation>Invoice %1 recorded for %2.</translation>
    </message>
    <message>
        <source>Invoice %1 voided.</source>
        <translation>Invoice %1 voided.</translation>
    </message>
    <message>
        <source>Invoice %1 reversed by red invoice %2.</source>
        <translation>Invoice %1 reversed by red invoice %2.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>Invoices recorded from %1: %2.</source>
        <translation>Invoices recorded from %1: %2.</translation>
    </message>
</context>
<context>
    <name>InvoiceImportDialog</name>
    <message>
        <source>Recording…</source>
        <translation>Recording…</translation>
    </message>
    <message>
        <source>Import invoice numbers: %1</source>
        <translation>Import invoice numbers: %1</translation>
    </message>
    <message>
        <source>%1 to record, %2 recorded already, %3 refused. Nothing is written until you record them.</source>
        <translation>%1 to record, %2 recorded already, %3 refused. Nothing is written until you record them.</translation>
    </message>
    <message>
        <source>Record %1 invoices</source>
        <translation>Record %1 invoices</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>InvoiceListDialog</name>
    <message>
        <source>Import invoice numbers</source>
        <translation>Import invoice numbers</translation>
    </message>
    <message>
        <source>Tax platform exports (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>Tax platform exports (*.xlsx *.xls *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Choose a bill to see its invoices.</source>
        <translation>Choose a bill to see its invoices.</translation>
    </message>
    <message>
        <source>Invoices of %1: %2 invoiced of %3, %4 left to invoice.</source>
        <translation>Invoices of %1: %2 invoiced of %3, %4 left to invoice.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Invoices</translation>
    </message>
    <message>
        <source>Invoices (%1 of %2 bills)</source>
        <translation>Invoices (%1 of %2 bills)</translation>
    </message>
    <message>
        <source>Each bill is invoiced by the tax platform; record here the number it issued. A voided or reversed invoice keeps its number and stays listed; reissue the bill after it.</source>
        <translation>Each bill is invoiced by the tax platform; record here the number it issued. A voided or reversed invoice keeps its number and stays listed; reissue the bill after it.</translation>
    </message>
    <message>
        <source>All bills</source>
        <translation>All bills</translation>
    </message>
    <message>
        <source>Left to invoice</source>
        <translation>Left to invoice</translation>
    </message>
    <message>
        <source>Bill, tenant or invoice number</source>
        <translation>Bill, tenant or invoice number</translation>
    </message>
    <message>
        <source>Issue…</source>
        <translation>Issue…</translation>
    </message>
    <message>
        <source>Reissue…</source>
        <translation>Reissue…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>Void…</translation>
    </message>
    <message>
        <source>Reverse (红冲)…</source>
        <translation>Reverse (红冲)…</translation>
    </message>
    <message>
        <source>Import numbers…</source>
        <translation>Import numbers…</translation>
    </message>
    <message>
        <source>Bill lines…</source>
        <translation>Bill lines…</translation>
    </message>
    <message>
        <source>What the chosen bill is made of: each line with its reasons (or double-click it)</source>
        <translation>What the chosen bill is made of: each line with its reasons (or double-click it)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Invoices</name>
    <message>
        <source>Not invoiced</source>
        <translation>Not invoiced</translation>
    </message>
    <message>
        <source>Part invoiced</source>
        <translation>Part invoiced</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>Invoiced</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>Reversed (红冲)</source>
        <translation>Reversed (红冲)</translation>
    </message>
    <message>
        <source>Over-invoiced: reverse and reissue</source>
        <translation>Over-invoiced: reverse and reissue</translation>
    </message>
    <message>
        <source>Not invoiced: no VAT rate</source>
        <translation>Not invoiced: no VAT rate</translation>
    </message>
    <message>
        <source>Red invoice for %1</source>
        <translation>Red invoice for %1</translation>
    </message>
    <message>
        <source>Voided on %1</source>
        <translation>Voided on %1</translation>
    </message>
    <message>
        <source>Reversed by %1</source>
        <translation>Reversed by %1</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>%1 (red)</source>
        <translation>%1 (red)</translation>
    </message>
    <message>
        <source>%1 (voided)</source>
        <translation>%1 (voided)</translation>
    </message>
    <message>
        <source>%1 (reversed)</source>
        <translation>%1 (reversed)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Bill number</source>
        <translation>Bill number</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Bill total</source>
        <translation>Bill total</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>VAT</translation>
    </message>
    <message>
        <source>Left to invoice</source>
        <translation>Left to invoice</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Invoices</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>Invoice number</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Incl. tax</source>
        <translation>Incl. tax</translation>
    </message>
    <message>
        <source>Excl. tax</source>
        <translation>Excl. tax</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Tax</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>%1 (reason: %2)</source>
        <translation>%1 (reason: %2)</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Row %1</translation>
    </message>
    <message>
        <source>%1: invoice %2 for %3, %4 (%5 excl. tax + %6 tax)</source>
        <translation>%1: invoice %2 for %3, %4 (%5 excl. tax + %6 tax)</translation>
    </message>
    <message>
        <source>%1: invoice %2 for %3 is recorded already</source>
        <translation>%1: invoice %2 for %3 is recorded already</translation>
    </message>
    <message>
        <source>%1: refused: %2</source>
        <translation>%1: refused: %2</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Industrial / plant</source>
        <translation>Industrial / plant</translation>
    </message>
    <message>
        <source>Retail</source>
        <translation>Retail</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Warehouse</translation>
    </message>
    <message>
        <source>Apartment</source>
        <translation>Apartment</translation>
    </message>
    <message>
        <source>Parking</source>
        <translation>Parking</translation>
    </message>
    <message>
        <source>Advertising spot</source>
        <translation>Advertising spot</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Leasable</source>
        <translation>Leasable</translation>
    </message>
    <message>
        <source>Leased</source>
        <translation>Leased</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reserved</translation>
    </message>
    <message>
        <source>Under renovation</source>
        <translation>Under renovation</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Frozen</translation>
    </message>
    <message>
        <source>Not leasable</source>
        <translation>Not leasable</translation>
    </message>
    <message>
        <source>Office building</source>
        <translation>Office building</translation>
    </message>
    <message>
        <source>Plant</source>
        <translation>Plant</translation>
    </message>
    <message>
        <source>Retail podium</source>
        <translation>Retail podium</translation>
    </message>
    <message>
        <source>Apartments</source>
        <translation>Apartments</translation>
    </message>
    <message>
        <source>Mixed use</source>
        <translation>Mixed use</translation>
    </message>
    <message>
        <source>North</source>
        <translation>North</translation>
    </message>
    <message>
        <source>North-east</source>
        <translation>North-east</translation>
    </message>
    <message>
        <source>East</source>
        <translation>East</translation>
    </message>
    <message>
        <source>South-east</source>
        <translation>South-east</translation>
    </message>
    <message>
        <source>South</source>
        <translation>South</translation>
    </message>
    <message>
        <source>South-west</source>
        <translation>South-west</translation>
    </message>
    <message>
        <source>West</source>
        <translation>West</translation>
    </message>
    <message>
        <source>North-west</source>
        <translation>North-west</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <source>Basic fit-out</source>
        <translation>Basic fit-out</translation>
    </message>
    <message>
        <source>Fitted</source>
        <translation>Fitted</translation>
    </message>
    <message>
        <source>Premium fit-out</source>
        <translation>Premium fit-out</translation>
    </message>
    <message>
        <source>Upstream</source>
        <translation>Upstream</translation>
    </message>
    <message>
        <source>Midstream</source>
        <translation>Midstream</translation>
    </message>
    <message>
        <source>Downstream</source>
        <translation>Downstream</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Vacant</source>
        <translation>Vacant</translation>
    </message>
    <message>
        <source>Signed, not started</source>
        <translation>Signed, not started</translation>
    </message>
    <message>
        <source>Occupied</source>
        <translation>Occupied</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Rent control</source>
        <translation>Rent control</translation>
    </message>
    <message>
        <source>Lease expiry</source>
        <translation>Lease expiry</translation>
    </message>
    <message>
        <source>Vacancy</source>
        <translation>Vacancy</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <source>Net revenue</source>
        <translation>Net revenue</translation>
    </message>
    <message>
        <source>Energy intensity</source>
        <translation>Energy intensity</translation>
    </message>
    <message>
        <source>Space heat</source>
        <translation>Space heat</translation>
    </message>
    <message>
        <source>Expiring in 30 days</source>
        <translation>Expiring in 30 days</translation>
    </message>
    <message>
        <source>Expiring in 60 days</source>
        <translation>Expiring in 60 days</translation>
    </message>
    <message>
        <source>Expiring in 90 days</source>
        <translation>Expiring in 90 days</translation>
    </message>
    <message>
        <source>Under renovation or frozen</source>
        <translation>Under renovation or frozen</translation>
    </message>
    <message>
        <source>Common area</source>
        <translation>Common area</translation>
    </message>
    <message>
        <source>For rent</source>
        <translation>For rent</translation>
    </message>
    <message>
        <source>Common (floor)</source>
        <translation>Common (floor)</translation>
    </message>
    <message>
        <source>Common (building)</source>
        <translation>Common (building)</translation>
    </message>
    <message>
        <source>CNY</source>
        <translation>CNY</translation>
    </message>
    <message>
        <source>HKD</source>
        <translation>HKD</translation>
    </message>
    <message>
        <source>USD</source>
        <translation>USD</translation>
    </message>
    <message>
        <source>EUR</source>
        <translation>EUR</translation>
    </message>
</context>
<context>
    <name>LeadForm</name>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>Area m²</source>
        <translation>Area m²</translation>
    </message>
    <message>
        <source>Asking per m²</source>
        <translation>Asking per m²</translation>
    </message>
    <message>
        <source>Free from</source>
        <translation>Free from</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Rate per m²</source>
        <translation>Rate per m²</translation>
    </message>
    <message>
        <source>Total rent</source>
        <translation>Total rent</translation>
    </message>
    <message>
        <source>Net effective</source>
        <translation>Net effective</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Quote %1 saved.</source>
        <translation>Quote %1 saved.</translation>
    </message>
    <message>
        <source>Making the draft contract…</source>
        <translation>Making the draft contract…</translation>
    </message>
    <message>
        <source>Save the lead first</source>
        <translation>Save the lead first</translation>
    </message>
    <message>
        <source>Only an open lead is quoted</source>
        <translation>Only an open lead is quoted</translation>
    </message>
    <message>
        <source>A new lead starts in the first stage, %1.</source>
        <translation>A new lead starts in the first stage, %1.</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>%1 since %2 (%3)</source>
        <translation>%1 since %2 (%3)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Give an area range (the least above zero, not above the most) to see the units that match.</source>
        <translation>Give an area range (the least above zero, not above the most) to see the units that match.</translation>
    </message>
    <message>
        <source>Looking for matching units…</source>
        <translation>Looking for matching units…</translation>
    </message>
    <message>
        <source>No vacant unit or set of neighbouring units comes near these needs.</source>
        <translation>No vacant unit or set of neighbouring units comes near these needs.</translation>
    </message>
    <message>
        <source>%1 matches, best first: choose one to see why, show it on the plan or quote it.</source>
        <translation>%1 matches, best first: choose one to see why, show it on the plan or quote it.</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>New lead</translation>
    </message>
    <message>
        <source>Lead %1 — %2</source>
        <translation>Lead %1 — %2</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Area wanted</source>
        <translation>Area wanted</translation>
    </message>
    <message>
        <source>Budget per m² a month</source>
        <translation>Budget per m² a month</translation>
    </message>
    <message>
        <source>Move in</source>
        <translation>Move in</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Features wanted</source>
        <translation>Features wanted</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>by</source>
        <translation>by</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Any type</translation>
    </message>
    <message>
        <source>e.g. 货梯, 高层</source>
        <translation>e.g. 货梯, 高层</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Stage and history</source>
        <translation>Stage and history</translation>
    </message>
    <message>
        <source>Matching units</source>
        <translation>Matching units</translation>
    </message>
    <message>
        <source>Why this score:</source>
        <translation>Why this score:</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Quotes</translation>
    </message>
    <message>
        <source>Show on &amp;plan</source>
        <translation>Show on &amp;plan</translation>
    </message>
    <message>
        <source>&amp;Quote…</source>
        <translation>&amp;Quote…</translation>
    </message>
    <message>
        <source>Make &amp;draft contract</source>
        <translation>Make &amp;draft contract</translation>
    </message>
</context>
<context>
    <name>LeasingMenu</name>
    <message>
        <source>Open a workspace first</source>
        <translation>Open a workspace first</translation>
    </message>
    <message>
        <source>&amp;Leasing</source>
        <translation>&amp;Leasing</translation>
    </message>
    <message>
        <source>New &amp;contract…</source>
        <translation>New &amp;contract…</translation>
    </message>
    <message>
        <source>C&amp;ontracts</source>
        <translation>C&amp;ontracts</translation>
    </message>
    <message>
        <source>Import &amp;rent roll…</source>
        <translation>Import &amp;rent roll…</translation>
    </message>
    <message>
        <source>Contract &amp;templates…</source>
        <translation>Contract &amp;templates…</translation>
    </message>
    <message>
        <source>Price &amp;index (CPI)…</source>
        <translation>Price &amp;index (CPI)…</translation>
    </message>
    <message>
        <source>Leasing &amp;settings…</source>
        <translation>Leasing &amp;settings…</translation>
    </message>
</context>
<context>
    <name>LeasingSettingsDialog</name>
    <message>
        <source>The discount rate must be at least 0% and below 100% a year, not %1%.</source>
        <translation>The discount rate must be at least 0% and below 100% a year, not %1%.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Type the discount rate as a percentage a year, at least 0 and below 100 (6.5 for 6.5%), or leave it empty for none.</source>
        <translation>Type the discount rate as a percentage a year, at least 0 and below 100 (6.5 for 6.5%), or leave it empty for none.</translation>
    </message>
    <message>
        <source>Weighted pipeline of the open leads: %1.</source>
        <translation>Weighted pipeline of the open leads: %1.</translation>
    </message>
    <message>
        <source>Weighted pipeline of the open leads: %1 now, %2 with these probabilities.</source>
        <translation>Weighted pipeline of the open leads: %1 now, %2 with these probabilities.</translation>
    </message>
    <message>
        <source>Leasing settings</source>
        <translation>Leasing settings</translation>
    </message>
    <message>
        <source>The park's figures for the pipeline and for quotes. A stage's probability of closing weighs its leads' expected value on the pipeline board; a stage at its default follows the default.</source>
        <translation>The park's figures for the pipeline and for quotes. A stage's probability of closing weighs its leads' expected value on the pipeline board; a stage at its default follows the default.</translation>
    </message>
    <message>
        <source>Probability of closing</source>
        <translation>Probability of closing</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probability</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>Leads' value a year</source>
        <translation>Leads' value a year</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Weighted</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Back to the default, %1%</source>
        <translation>Back to the default, %1%</translation>
    </message>
    <message>
        <source>All to &amp;defaults</source>
        <translation>All to &amp;defaults</translation>
    </message>
    <message>
        <source>Discount rate</source>
        <translation>Discount rate</translation>
    </message>
    <message>
        <source>&amp;Rate</source>
        <translation>&amp;Rate</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>% a year</source>
        <translation>% a year</translation>
    </message>
    <message>
        <source>Quotes and the contract wizard discount each month's rent at this rate for the discounted net effective rent; empty: they show none.</source>
        <translation>Quotes and the contract wizard discount each month's rent at this rate for the discounted net effective rent; empty: they show none.</translation>
    </message>
</context>
<context>
    <name>LeasingSettingsFlow</name>
    <message>
        <source>Reading the park's settings…</source>
        <translation>Reading the park's settings…</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>No workspace is open.</translation>
    </message>
    <message>
        <source>Leasing settings saved.</source>
        <translation>Leasing settings saved.</translation>
    </message>
</context>
<context>
    <name>Ledgers</name>
    <message>
        <source>not a date (YYYY-MM-DD): {text}</source>
        <translation>not a date (YYYY-MM-DD): {text}</translation>
    </message>
    <message>
        <source>on {on} the contract and operations ledgers agree; the books were not compared</source>
        <translation>on {on} the contract and operations ledgers agree; the books were not compared</translation>
    </message>
    <message>
        <source>on {on}: {count} differences of {causes} causes between the contract and operations ledgers; the books were not compared</source>
        <translation>on {on}: {count} differences of {causes} causes between the contract and operations ledgers; the books were not compared</translation>
    </message>
    <message>
        <source>on {on} the three ledgers agree; {matched} of our entries found among {entries} lines of the books</source>
        <translation>on {on} the three ledgers agree; {matched} of our entries found among {entries} lines of the books</translation>
    </message>
    <message>
        <source>on {on}: {count} differences of {causes} causes; {matched} of our entries found among {entries} lines of the books</source>
        <translation>on {on}: {count} differences of {causes} causes; {matched} of our entries found among {entries} lines of the books</translation>
    </message>
    <message>
        <source>{n} deposit movements cannot be booked and are not in the check (a reversal of a movement that is not there, or a kind not known)</source>
        <translation>{n} deposit movements cannot be booked and are not in the check (a reversal of a movement that is not there, or a kind not known)</translation>
    </message>
    <message>
        <source>wrote {file}: {vouchers} vouchers, {lines} lines, debit {debit} = credit {credit}, {first} – {last}</source>
        <translation>wrote {file}: {vouchers} vouchers, {lines} lines, debit {debit} = credit {credit}, {first} – {last}</translation>
    </message>
    <message>
        <source>--column wants FIELD=HEADER, such as debit=借方本币, not “{text}”</source>
        <translation>--column wants FIELD=HEADER, such as debit=借方本币, not “{text}”</translation>
    </message>
    <message>
        <source>{file}: imported {new} lines of the books (debit {debit}, credit {credit}); {existing} imported before; {refused} rows refused</source>
        <translation>{file}: imported {new} lines of the books (debit {debit}, credit {credit}); {existing} imported before; {refused} rows refused</translation>
    </message>
    <message>
        <source>{file}: would import {new} lines of the books (debit {debit}, credit {credit}); {existing} imported before; {refused} rows refused; nothing written</source>
        <translation>{file}: would import {new} lines of the books (debit {debit}, credit {credit}); {existing} imported before; {refused} rows refused; nothing written</translation>
    </message>
</context>
<context>
    <name>LedgersFlow</name>
    <message>
        <source>Vouchers written: %1</source>
        <translation>Vouchers written: %1</translation>
    </message>
    <message>
        <source>Books imported: %1 lines</source>
        <translation>Books imported: %1 lines</translation>
    </message>
    <message>
        <source>Books not imported: %1</source>
        <translation>Books not imported: %1</translation>
    </message>
</context>
<context>
    <name>LedgersText</name>
    <message>
        <source>Leased, not billed</source>
        <translation>Leased, not billed</translation>
    </message>
    <message>
        <source>Bill with no contract</source>
        <translation>Bill with no contract</translation>
    </message>
    <message>
        <source>Billed after the end date</source>
        <translation>Billed after the end date</translation>
    </message>
    <message>
        <source>Bill not in the schedule</source>
        <translation>Bill not in the schedule</translation>
    </message>
    <message>
        <source>Billed ≠ schedule</source>
        <translation>Billed ≠ schedule</translation>
    </message>
    <message>
        <source>Deposit not received</source>
        <translation>Deposit not received</translation>
    </message>
    <message>
        <source>Deposit amount differs from the contract</source>
        <translation>Deposit amount differs from the contract</translation>
    </message>
    <message>
        <source>Plan area ≠ contract area</source>
        <translation>Plan area ≠ contract area</translation>
    </message>
    <message>
        <source>Unit no longer in the plan</source>
        <translation>Unit no longer in the plan</translation>
    </message>
    <message>
        <source>Receipt not in the books</source>
        <translation>Receipt not in the books</translation>
    </message>
    <message>
        <source>Bill not in the books</source>
        <translation>Bill not in the books</translation>
    </message>
    <message>
        <source>Adjustment not in the books</source>
        <translation>Adjustment not in the books</translation>
    </message>
    <message>
        <source>Allocation not in the books</source>
        <translation>Allocation not in the books</translation>
    </message>
    <message>
        <source>Refund not in the books</source>
        <translation>Refund not in the books</translation>
    </message>
    <message>
        <source>Deposit received, not in the books</source>
        <translation>Deposit received, not in the books</translation>
    </message>
    <message>
        <source>Deposit applied, not in the books</source>
        <translation>Deposit applied, not in the books</translation>
    </message>
    <message>
        <source>Deposit refunded, not in the books</source>
        <translation>Deposit refunded, not in the books</translation>
    </message>
    <message>
        <source>Books hold another amount</source>
        <translation>Books hold another amount</translation>
    </message>
    <message>
        <source>In the books, not ours</source>
        <translation>In the books, not ours</translation>
    </message>
    <message>
        <source>Deposit in the books, not ours</source>
        <translation>Deposit in the books, not ours</translation>
    </message>
    <message>
        <source>receivables</source>
        <translation>receivables</translation>
    </message>
    <message>
        <source>bank</source>
        <translation>bank</translation>
    </message>
    <message>
        <source>deposits held</source>
        <translation>deposits held</translation>
    </message>
    <message>
        <source>contract ↔ operations</source>
        <translation>contract ↔ operations</translation>
    </message>
    <message>
        <source>operations ↔ finance</source>
        <translation>operations ↔ finance</translation>
    </message>
    <message>
        <source>{contract_code} ({units}): {charge} {period_start} – {period_end}, {amount} due on {due_on}, has no bill</source>
        <translation>{contract_code} ({units}): {charge} {period_start} – {period_end}, {amount} due on {due_on}, has no bill</translation>
    </message>
    <message>
        <source>bill {bill_number} ({charge} {period_start} – {period_end}, {billed_amount}) names no signed contract of the park</source>
        <translation>bill {bill_number} ({charge} {period_start} – {period_end}, {billed_amount}) names no signed contract of the park</translation>
    </message>
    <message>
        <source>bill {bill_number} bills {period_start} – {period_end}, after {contract_code} ended on {contract_ends_on}</source>
        <translation>bill {bill_number} bills {period_start} – {period_end}, after {contract_code} ended on {contract_ends_on}</translation>
    </message>
    <message>
        <source>bill {bill_number}: {contract_code}'s schedule has no {charge} period from {period_start}</source>
        <translation>bill {bill_number}: {contract_code}'s schedule has no {charge} period from {period_start}</translation>
    </message>
    <message>
        <source>bill {bill_number} bills {billed_amount} for {period_start} – {period_end}; the schedule says {due_amount} (difference {difference})</source>
        <translation>bill {bill_number} bills {billed_amount} for {period_start} – {period_end}; the schedule says {due_amount} (difference {difference})</translation>
    </message>
    <message>
        <source>{contract_code} lets {unit_code} at {contract_area} m²; the plan says {plan_area} m² (difference {difference} m²)</source>
        <translation>{contract_code} lets {unit_code} at {contract_area} m²; the plan says {plan_area} m² (difference {difference} m²)</translation>
    </message>
    <message>
        <source>{contract_code} lets {unit_code} ({contract_area} m²), a unit the plan no longer has</source>
        <translation>{contract_code} lets {unit_code} ({contract_area} m²), a unit the plan no longer has</translation>
    </message>
    <message>
        <source>receipt of {amount} on {on} from {payer}: no entry in the books ({reference})</source>
        <translation>receipt of {amount} on {on} from {payer}: no entry in the books ({reference})</translation>
    </message>
    <message>
        <source>bill {number} of {amount} posted on {on}: no entry in the books ({reference})</source>
        <translation>bill {number} of {amount} posted on {on}: no entry in the books ({reference})</translation>
    </message>
    <message>
        <source>adjustment {number} of {amount} posted on {on}: no entry in the books ({reference})</source>
        <translation>adjustment {number} of {amount} posted on {on}: no entry in the books ({reference})</translation>
    </message>
    <message>
        <source>{payer}'s payment allocated to {number} on {on} ({amount} on receivables): no entry in the books ({reference})</source>
        <translation>{payer}'s payment allocated to {number} on {on} ({amount} on receivables): no entry in the books ({reference})</translation>
    </message>
    <message>
        <source>allocation to {number} reversed on {on} ({amount} on receivables): no entry in the books ({reference})</source>
        <translation>allocation to {number} reversed on {on} ({amount} on receivables): no entry in the books ({reference})</translation>
    </message>
    <message>
        <source>refund to {payer} on {on} ({amount} from the bank): no entry in the books ({reference})</source>
        <translation>refund to {payer} on {on} ({amount} from the bank): no entry in the books ({reference})</translation>
    </message>
    <message>
        <source>{reference} on {on}: {amount} here, {books_amount} in the books (voucher {vouchers}; difference {difference})</source>
        <translation>{reference} on {on}: {amount} here, {books_amount} in the books (voucher {vouchers}; difference {difference})</translation>
    </message>
    <message>
        <source>voucher {vouchers} of {books_on}, account {account}: {books_amount} {customer}, no entry of ours has it</source>
        <translation>voucher {vouchers} of {books_on}, account {account}: {books_amount} {customer}, no entry of ours has it</translation>
    </message>
    <message>
        <source>voucher {vouchers} of {books_on}, account {account}: {books_amount} names {reference}, which is not ours on that account</source>
        <translation>voucher {vouchers} of {books_on}, account {account}: {books_amount} names {reference}, which is not ours on that account</translation>
    </message>
    <message>
        <source>{contract_code} ({units}): the deposit of {due_amount} due on {due_on} was not received</source>
        <translation>{contract_code} ({units}): the deposit of {due_amount} due on {due_on} was not received</translation>
    </message>
    <message>
        <source>{contract_code}: {received_amount} received as its deposit; the contract says {due_amount} (difference {difference})</source>
        <translation>{contract_code}: {received_amount} received as its deposit; the contract says {due_amount} (difference {difference})</translation>
    </message>
    <message>
        <source>{contract_code}: {received_amount} received as its deposit, {carried_amount} of it carried from {carried_from_code}; the contract says {due_amount} (difference {difference})</source>
        <translation>{contract_code}: {received_amount} received as its deposit, {carried_amount} of it carried from {carried_from_code}; the contract says {due_amount} (difference {difference})</translation>
    </message>
    <message>
        <source>deposit of {deposit_amount} received for {contract_code} on {on}: no entry on {accounts} in the books ({reference})</source>
        <translation>deposit of {deposit_amount} received for {contract_code} on {on}: no entry on {accounts} in the books ({reference})</translation>
    </message>
    <message>
        <source>{deposit_amount} of {contract_code}'s deposit applied to {bill_number} on {on}: no entry on {accounts} in the books ({reference})</source>
        <translation>{deposit_amount} of {contract_code}'s deposit applied to {bill_number} on {on}: no entry on {accounts} in the books ({reference})</translation>
    </message>
    <message>
        <source>{deposit_amount} of {contract_code}'s deposit refunded on {on}: no entry on {accounts} in the books ({reference})</source>
        <translation>{deposit_amount} of {contract_code}'s deposit refunded on {on}: no entry on {accounts} in the books ({reference})</translation>
    </message>
    <message>
        <source>voucher {vouchers} of {books_on}, account {account}: a deposit of {books_amount} {customer} that none of ours has</source>
        <translation>voucher {vouchers} of {books_on}, account {account}: a deposit of {books_amount} {customer} that none of ours has</translation>
    </message>
    <message>
        <source>voucher {vouchers} of {books_on}, account {account}: a deposit of {books_amount} naming {reference}, which is not ours on that account</source>
        <translation>voucher {vouchers} of {books_on}, account {account}: a deposit of {books_amount} naming {reference}, which is not ours on that account</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>the contract renewed</source>
        <translation>the contract renewed</translation>
    </message>
    <message>
        <source>bills {n}</source>
        <translation>bills {n}</translation>
    </message>
    <message>
        <source>adjustments {n}</source>
        <translation>adjustments {n}</translation>
    </message>
    <message>
        <source>receipts {n}</source>
        <translation>receipts {n}</translation>
    </message>
    <message>
        <source>allocations {n}</source>
        <translation>allocations {n}</translation>
    </message>
    <message>
        <source>refunds {n}</source>
        <translation>refunds {n}</translation>
    </message>
    <message>
        <source>deposits received {n}</source>
        <translation>deposits received {n}</translation>
    </message>
    <message>
        <source>deposits applied {n}</source>
        <translation>deposits applied {n}</translation>
    </message>
    <message>
        <source>deposits refunded {n}</source>
        <translation>deposits refunded {n}</translation>
    </message>
    <message>
        <source>The books are not imported yet: the contract and operations ledgers are compared; import the accounting system's posted entries to compare the books.</source>
        <translation>The books are not imported yet: the contract and operations ledgers are compared; import the accounting system's posted entries to compare the books.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>{n} entries of ours await the books: {parts}.</source>
        <translation>{n} entries of ours await the books: {parts}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cannot open workspace</source>
        <translation>Cannot open workspace</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>New workspace</translation>
    </message>
    <message>
        <source>Cannot create workspace</source>
        <translation>Cannot create workspace</translation>
    </message>
    <message>
        <source>Build demo workspace</source>
        <translation>Build demo workspace</translation>
    </message>
    <message>
        <source>Building the demo park…</source>
        <translation>Building the demo park…</translation>
    </message>
    <message>
        <source>Demo not built</source>
        <translation>Demo not built</translation>
    </message>
    <message>
        <source>Demo cancelled; nothing was written.</source>
        <translation>Demo cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>Leasemap workspaces (*.leasemap);;All files (*)</source>
        <translation>Leasemap workspaces (*.leasemap);;All files (*)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>%1 units · leased %2 of %3 m² · occupancy %4</source>
        <translation>%1 units · leased %2 of %3 m² · occupancy %4</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation>&amp;New workspace…</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>&amp;Open workspace…</translation>
    </message>
    <message>
        <source>Build &amp;demo workspace…</source>
        <translation>Build &amp;demo workspace…</translation>
    </message>
    <message>
        <source>&amp;Import floor plan (DXF, IFC)…</source>
        <translation>&amp;Import floor plan (DXF, IFC)…</translation>
    </message>
    <message>
        <source>Import &amp;site plan (DXF, IFC)…</source>
        <translation>Import &amp;site plan (DXF, IFC)…</translation>
    </message>
    <message>
        <source>&amp;Export map as PDF…</source>
        <translation>&amp;Export map as PDF…</translation>
    </message>
    <message>
        <source>Export map as P&amp;NG…</source>
        <translation>Export map as P&amp;NG…</translation>
    </message>
    <message>
        <source>Export map as S&amp;VG…</source>
        <translation>Export map as S&amp;VG…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;About Leasemap</source>
        <translation>&amp;About Leasemap</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>Park</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>Unit details</source>
        <translation>Unit details</translation>
    </message>
    <message>
        <source>As of </source>
        <translation>As of </translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <source>Local only · not synced</source>
        <translation>Local only · not synced</translation>
    </message>
    <message>
        <source>Changes are kept in this workspace and queued for the team server.</source>
        <translation>Changes are kept in this workspace and queued for the team server.</translation>
    </message>
    <message>
        <source>Finishing background work before closing…</source>
        <translation>Finishing background work before closing…</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>No workspace open</translation>
    </message>
    <message>
        <source>Finishing background work before opening %1…</source>
        <translation>Finishing background work before opening %1…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Undo %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Redo %1</translation>
    </message>
    <message>
        <source>no workspace</source>
        <translation>no workspace</translation>
    </message>
    <message>
        <source>Leasemap — %1</source>
        <translation>Leasemap — %1</translation>
    </message>
    <message>
        <source>About Leasemap</source>
        <translation>About Leasemap</translation>
    </message>
    <message>
        <source>Leasemap turns floor plans into leasable units and runs a park's leasing, billing and forecasting, offline first.</source>
        <translation>Leasemap turns floor plans into leasable units and runs a park's leasing, billing and forecasting, offline first.</translation>
    </message>
</context>
<context>
    <name>Map</name>
    <message>
        <source>units</source>
        <translation>units</translation>
    </message>
    <message>
        <source>area m²</source>
        <translation>area m²</translation>
    </message>
    <message>
        <source>%1/m²/month</source>
        <translation>%1/m²/month</translation>
    </message>
    <message>
        <source>%1 %2/m²/month</source>
        <translation>%1 %2/m²/month</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>currency, amount</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Vacant, never let</source>
        <translation>Vacant, never let</translation>
    </message>
    <message>
        <source>Before the meter readings</source>
        <translation>Before the meter readings</translation>
    </message>
    <message>
        <source>months to lease end</source>
        <translation>months to lease end</translation>
    </message>
    <message>
        <source>days vacant</source>
        <translation>days vacant</translation>
    </message>
    <message>
        <source>rent per m² per month</source>
        <translation>rent per m² per month</translation>
    </message>
    <message>
        <source>net income per m² per month</source>
        <translation>net income per m² per month</translation>
    </message>
    <message>
        <source>kWh per m² per month</source>
        <translation>kWh per m² per month</translation>
    </message>
    <message>
        <source>heat index 0–100</source>
        <translation>heat index 0–100</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>%1 mo</source>
        <translation>%1 mo</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 months</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>%1 kWh/m²/month</source>
        <translation>%1 kWh/m²/month</translation>
    </message>
    <message>
        <source>%1 of 100</source>
        <translation>%1 of 100</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>%1, overdue since %2</source>
        <translation>%1, overdue since %2</translation>
    </message>
    <message>
        <source>vacant</source>
        <translation>vacant</translation>
    </message>
    <message>
        <source>Red outline: 1 unit whose tenant has bills overdue</source>
        <translation>Red outline: 1 unit whose tenant has bills overdue</translation>
    </message>
    <message>
        <source>Red outline: %1 units whose tenant has bills overdue</source>
        <translation>Red outline: %1 units whose tenant has bills overdue</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>Rent</translation>
    </message>
    <message>
        <source>Lease ends</source>
        <translation>Lease ends</translation>
    </message>
    <message>
        <source>Arrears</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>No meter readings before %1: choose a date from %2 on.</source>
        <translation>No meter readings before %1: choose a date from %2 on.</translation>
    </message>
    <message>
        <source>Class breaks kept from %1</source>
        <translation>Class breaks kept from %1</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>Export map</translation>
    </message>
    <message>
        <source>choose a building or one of its floors first</source>
        <translation>choose a building or one of its floors first</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Print failed</source>
        <translation>Print failed</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <source>Leased / leasable m²</source>
        <translation>Leased / leasable m²</translation>
    </message>
    <message>
        <source>Vacancy loss so far</source>
        <translation>Vacancy loss so far</translation>
    </message>
    <message>
        <source>Rent per m² per month</source>
        <translation>Rent per m² per month</translation>
    </message>
    <message>
        <source>Leasemap · as of %1 · printed %2</source>
        <translation>Leasemap · as of %1 · printed %2</translation>
    </message>
    <message>
        <source>building %1 has no units to print</source>
        <translation>building %1 has no units to print</translation>
    </message>
    <message>
        <source>Stacking plan</source>
        <translation>Stacking plan</translation>
    </message>
    <message>
        <source>Park map</source>
        <translation>Park map</translation>
    </message>
    <message>
        <source>Rent-control map</source>
        <translation>Rent-control map</translation>
    </message>
    <message>
        <source>Lease expiry map</source>
        <translation>Lease expiry map</translation>
    </message>
    <message>
        <source>Vacancy map</source>
        <translation>Vacancy map</translation>
    </message>
    <message>
        <source>Revenue map</source>
        <translation>Revenue map</translation>
    </message>
    <message>
        <source>Net revenue map</source>
        <translation>Net revenue map</translation>
    </message>
    <message>
        <source>Energy intensity map</source>
        <translation>Energy intensity map</translation>
    </message>
    <message>
        <source>Space heat map</source>
        <translation>Space heat map</translation>
    </message>
    <message>
        <source>there is no map to print here</source>
        <translation>there is no map to print here</translation>
    </message>
    <message>
        <source>buildings</source>
        <translation>buildings</translation>
    </message>
    <message>
        <source>no building %1 in this workspace (buildings: %2)</source>
        <translation>no building %1 in this workspace (buildings: %2)</translation>
    </message>
    <message>
        <source>nothing to print</source>
        <translation>nothing to print</translation>
    </message>
    <message>
        <source>unknown paper size %1 (A4 or A3)</source>
        <translation>unknown paper size %1 (A4 or A3)</translation>
    </message>
    <message>
        <source>%1 is a folder; name the PDF file to write</source>
        <translation>%1 is a folder; name the PDF file to write</translation>
    </message>
    <message>
        <source>cannot write %1: no folder %2</source>
        <translation>cannot write %1: no folder %2</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>cannot write %1</translation>
    </message>
    <message>
        <source>there is no map to export here</source>
        <translation>there is no map to export here</translation>
    </message>
    <message>
        <source>Floors %1–%2 of %3</source>
        <translation>Floors %1–%2 of %3</translation>
    </message>
    <message>
        <source>Units numbered in the plan:</source>
        <translation>Units numbered in the plan:</translation>
    </message>
</context>
<context>
    <name>MapController</name>
    <message>
        <source>This floor has no plan yet: import a DXF or IFC drawing (File → Import floor plan), or open the building to see its stacking plan.</source>
        <translation>This floor has no plan yet: import a DXF or IFC drawing (File → Import floor plan), or open the building to see its stacking plan.</translation>
    </message>
    <message>
        <source>Reading the park map…</source>
        <translation>Reading the park map…</translation>
    </message>
    <message>
        <source>Occupancy %</source>
        <translation>Occupancy %</translation>
    </message>
    <message>
        <source>buildings</source>
        <translation>buildings</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <source>Keep class breaks</source>
        <translation>Keep class breaks</translation>
    </message>
    <message>
        <source>Changing the date keeps the classes of the date this was switched on, so colours compare across dates</source>
        <translation>Changing the date keeps the classes of the date this was switched on, so colours compare across dates</translation>
    </message>
    <message>
        <source>Natural breaks (Jenks)</source>
        <translation>Natural breaks (Jenks)</translation>
    </message>
    <message>
        <source>Quantile</source>
        <translation>Quantile</translation>
    </message>
    <message>
        <source>Equal interval</source>
        <translation>Equal interval</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>Zoom to selection</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Float legend</source>
        <translation>Float legend</translation>
    </message>
    <message>
        <source>Show the legend in a small window over the map, or put it back beside the map</source>
        <translation>Show the legend in a small window over the map, or put it back beside the map</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Show or collapse the unit details, so the map gets their width</source>
        <translation>Show or collapse the unit details, so the map gets their width</translation>
    </message>
    <message>
        <source>Export map as PNG…</source>
        <translation>Export map as PNG…</translation>
    </message>
    <message>
        <source>Export map as SVG…</source>
        <translation>Export map as SVG…</translation>
    </message>
    <message>
        <source>Export map as PDF…</source>
        <translation>Export map as PDF…</translation>
    </message>
    <message>
        <source>Building to one PDF…</source>
        <translation>Building to one PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>No contract {contract}</source>
        <translation>No contract {contract}</translation>
    </message>
    <message>
        <source>{contract} is signed: it changes by an amendment</source>
        <translation>{contract} is signed: it changes by an amendment</translation>
    </message>
    <message>
        <source>{contract} is no longer a draft: only a draft is signed</source>
        <translation>{contract} is no longer a draft: only a draft is signed</translation>
    </message>
    <message>
        <source>{contract} is a draft or terminated: only a signed contract can do this</source>
        <translation>{contract} is a draft or terminated: only a signed contract can do this</translation>
    </message>
    <message>
        <source>{contract}: an amendment from {effective_on} is outside the term</source>
        <translation>{contract}: an amendment from {effective_on} is outside the term</translation>
    </message>
    <message>
        <source>{contract}: the amendment changes nothing</source>
        <translation>{contract}: the amendment changes nothing</translation>
    </message>
    <message>
        <source>{contract}: {unit} was released on {released}; lease it again by a new contract</source>
        <translation>{contract}: {unit} was released on {released}; lease it again by a new contract</translation>
    </message>
    <message>
        <source>{contract} ends on {ends_on}: it cannot be terminated on {on}</source>
        <translation>{contract} ends on {ends_on}: it cannot be terminated on {on}</translation>
    </message>
    <message>
        <source>{contract} was signed on {signed_on}: it cannot be terminated on {on}</source>
        <translation>{contract} was signed on {signed_on}: it cannot be terminated on {on}</translation>
    </message>
    <message>
        <source>{contract} has no checkpoint {checkpoint}</source>
        <translation>{contract} has no checkpoint {checkpoint}</translation>
    </message>
    <message>
        <source>The document was not found</source>
        <translation>The document was not found</translation>
    </message>
    <message>
        <source>{file}: no such file</source>
        <translation>{file}: no such file</translation>
    </message>
    <message>
        <source>A deposit is an amount above 0.00, in cents, not {amount}</source>
        <translation>A deposit is an amount above 0.00, in cents, not {amount}</translation>
    </message>
    <message>
        <source>The payment holds {holds}: {amount} of it cannot be the deposit</source>
        <translation>The payment holds {holds}: {amount} of it cannot be the deposit</translation>
    </message>
    <message>
        <source>The deposit holds {holds}: {amount} cannot be refunded</source>
        <translation>The deposit holds {holds}: {amount} cannot be refunded</translation>
    </message>
    <message>
        <source>{contract} runs to {ends_on}: settle it once it is terminated or has ended</source>
        <translation>{contract} runs to {ends_on}: settle it once it is terminated or has ended</translation>
    </message>
    <message>
        <source>A payment is an amount above 0.00, in cents, not {amount}</source>
        <translation>A payment is an amount above 0.00, in cents, not {amount}</translation>
    </message>
    <message>
        <source>The payment was not found</source>
        <translation>The payment was not found</translation>
    </message>
    <message>
        <source>The allocation is refused: it would take more than the bill is owed or the payment holds ({problem})</source>
        <translation>The allocation is refused: it would take more than the bill is owed or the payment holds ({problem})</translation>
    </message>
    <message>
        <source>There is no such allocation to reverse</source>
        <translation>There is no such allocation to reverse</translation>
    </message>
    <message>
        <source>The allocation holds {holds}: {amount} cannot be reversed</source>
        <translation>The allocation holds {holds}: {amount} cannot be reversed</translation>
    </message>
    <message>
        <source>The payment holds {holds}: {amount} cannot be refunded</source>
        <translation>The payment holds {holds}: {amount} cannot be refunded</translation>
    </message>
    <message>
        <source>A billing run from {period_from} to {period_to} ends before it starts</source>
        <translation>A billing run from {period_from} to {period_to} ends before it starts</translation>
    </message>
    <message>
        <source>That collections action was not found</source>
        <translation>That collections action was not found</translation>
    </message>
    <message>
        <source>A flag is not marked done: it holds while the tenant's tier does</source>
        <translation>A flag is not marked done: it holds while the tenant's tier does</translation>
    </message>
    <message>
        <source>The action ended on {ended_on}, when the tenant left its tier</source>
        <translation>The action ended on {ended_on}, when the tenant left its tier</translation>
    </message>
    <message>
        <source>The tenant was not found</source>
        <translation>The tenant was not found</translation>
    </message>
    <message>
        <source>Signal {row}: enter its day</source>
        <translation>Signal {row}: enter its day</translation>
    </message>
    <message>
        <source>Signal {row}: “{text}” is not a date (write 2026-03-01)</source>
        <translation>Signal {row}: “{text}” is not a date (write 2026-03-01)</translation>
    </message>
    <message>
        <source>Signal {row}: choose its kind (court case, tax notice or other news)</source>
        <translation>Signal {row}: choose its kind (court case, tax notice or other news)</translation>
    </message>
    <message>
        <source>Signal {row}: the kind is longer than {limit} characters</source>
        <translation>Signal {row}: the kind is longer than {limit} characters</translation>
    </message>
    <message>
        <source>Signal {row}: the note is longer than {limit} characters</source>
        <translation>Signal {row}: the note is longer than {limit} characters</translation>
    </message>
    <message>
        <source>Signal {row}: it ends on {until}, before its day {on}</source>
        <translation>Signal {row}: it ends on {until}, before its day {on}</translation>
    </message>
    <message>
        <source>No payment reminder can be written in {language}</source>
        <translation>No payment reminder can be written in {language}</translation>
    </message>
    <message>
        <source>{tenant} owes nothing overdue on {on}: no reminder to send</source>
        <translation>{tenant} owes nothing overdue on {on}: no reminder to send</translation>
    </message>
    <message>
        <source>The invoice was not recorded: {parts}</source>
        <translation>The invoice was not recorded: {parts}</translation>
    </message>
    <message>
        <source>Invoice {number} is recorded in {count} parks: choose the park</source>
        <translation>Invoice {number} is recorded in {count} parks: choose the park</translation>
    </message>
    <message>
        <source>enter the invoice number the tax platform issued</source>
        <translation>enter the invoice number the tax platform issued</translation>
    </message>
    <message>
        <source>invoice number {number} is already recorded in this park</source>
        <translation>invoice number {number} is already recorded in this park</translation>
    </message>
    <message>
        <source>the invoice names no bill</source>
        <translation>the invoice names no bill</translation>
    </message>
    <message>
        <source>no invoice {target} is recorded</source>
        <translation>no invoice {target} is recorded</translation>
    </message>
    <message>
        <source>{target} is a red invoice: a red invoice is neither voided nor reversed</source>
        <translation>{target} is a red invoice: a red invoice is neither voided nor reversed</translation>
    </message>
    <message>
        <source>invoice {target} was voided on {voided_on}</source>
        <translation>invoice {target} was voided on {voided_on}</translation>
    </message>
    <message>
        <source>invoice {target} is already reversed by red invoice {red}</source>
        <translation>invoice {target} is already reversed by red invoice {red}</translation>
    </message>
    <message>
        <source>this park's invoices cannot be voided: reverse {target} with a red invoice</source>
        <translation>this park's invoices cannot be voided: reverse {target} with a red invoice</translation>
    </message>
    <message>
        <source>invoice {target} was issued on {issued_on}: it can be voided only in the month it was issued; reverse it with a red invoice</source>
        <translation>invoice {target} was issued on {issued_on}: it can be voided only in the month it was issued; reverse it with a red invoice</translation>
    </message>
    <message>
        <source>invoice {target} was issued on {issued_on}, in a period reported to the tax bureau (through {reported_through}): reverse it with a red invoice</source>
        <translation>invoice {target} was issued on {issued_on}, in a period reported to the tax bureau (through {reported_through}): reverse it with a red invoice</translation>
    </message>
    <message>
        <source>the date is before invoice {target} was issued ({issued_on})</source>
        <translation>the date is before invoice {target} was issued ({issued_on})</translation>
    </message>
    <message>
        <source>no invoice {target} to replace</source>
        <translation>no invoice {target} to replace</translation>
    </message>
    <message>
        <source>invoice {target} is still valid: void or reverse it before issuing its replacement</source>
        <translation>invoice {target} is still valid: void or reverse it before issuing its replacement</translation>
    </message>
    <message>
        <source>no bill {bill}</source>
        <translation>no bill {bill}</translation>
    </message>
    <message>
        <source>bill {bill} is another tenant's</source>
        <translation>bill {bill} is another tenant's</translation>
    </message>
    <message>
        <source>the invoice's charge {charge} is not bill {bill}'s ({bill_charge})</source>
        <translation>the invoice's charge {charge} is not bill {bill}'s ({bill_charge})</translation>
    </message>
    <message>
        <source>bill {bill} is not invoiced: its charge is exempt from VAT</source>
        <translation>bill {bill} is not invoiced: its charge is exempt from VAT</translation>
    </message>
    <message>
        <source>bill {bill}: the park has no VAT rate for its charge ({charge})</source>
        <translation>bill {bill}: the park has no VAT rate for its charge ({charge})</translation>
    </message>
    <message>
        <source>bill {bill}: the rate {rate} is not the park's {table_rate}</source>
        <translation>bill {bill}: the rate {rate} is not the park's {table_rate}</translation>
    </message>
    <message>
        <source>bill {bill}: an invoice is for more than 0.00, not {amount}</source>
        <translation>bill {bill}: an invoice is for more than 0.00, not {amount}</translation>
    </message>
    <message>
        <source>bill {bill}: {exclusive} and tax {tax} do not add up to {amount}</source>
        <translation>bill {bill}: {exclusive} and tax {tax} do not add up to {amount}</translation>
    </message>
    <message>
        <source>bill {bill}: the tax {tax} is more than {tolerance} from {expected}</source>
        <translation>bill {bill}: the tax {tax} is more than {tolerance} from {expected}</translation>
    </message>
    <message>
        <source>bill {bill} is {total} and {invoiced} of it is invoiced: {adding} more would invoice more than the bill</source>
        <translation>bill {bill} is {total} and {invoiced} of it is invoiced: {adding} more would invoice more than the bill</translation>
    </message>
    <message>
        <source>bill {bill} is invoiced in full ({invoiced} of {total})</source>
        <translation>bill {bill} is invoiced in full ({invoiced} of {total})</translation>
    </message>
    <message>
        <source>{bill} is a credit on bill {corrects}: invoice that bill, whose total includes it</source>
        <translation>{bill} is a credit on bill {corrects}: invoice that bill, whose total includes it</translation>
    </message>
    <message>
        <source>a red invoice reverses invoice {target} whole ({blue_amount})</source>
        <translation>a red invoice reverses invoice {target} whole ({blue_amount})</translation>
    </message>
    <message>
        <source>{file}: no column for {labels} (columns: {columns})</source>
        <translation>{file}: no column for {labels} (columns: {columns})</translation>
    </message>
    <message>
        <source>no invoice number</source>
        <translation>no invoice number</translation>
    </message>
    <message>
        <source>no invoice date</source>
        <translation>no invoice date</translation>
    </message>
    <message>
        <source>“{text}” is not a date (write 2026-03-01)</source>
        <translation>“{text}” is not a date (write 2026-03-01)</translation>
    </message>
    <message>
        <source>“{text}” is not an amount</source>
        <translation>“{text}” is not an amount</translation>
    </message>
    <message>
        <source>{charge}: no such charge: neither a kind ({kinds}) nor a charge the park's contracts or bills carry</source>
        <translation>{charge}: no such charge: neither a kind ({kinds}) nor a charge the park's contracts or bills carry</translation>
    </message>
    <message>
        <source>Vouchers from {first} to {last}: the range ends before it starts</source>
        <translation>Vouchers from {first} to {last}: the range ends before it starts</translation>
    </message>
    <message>
        <source>{file}: vouchers are written as .csv or .xlsx</source>
        <translation>{file}: vouchers are written as .csv or .xlsx</translation>
    </message>
    <message>
        <source>No VAT rate for {charges}: set the park's rates before exporting vouchers</source>
        <translation>No VAT rate for {charges}: set the park's rates before exporting vouchers</translation>
    </message>
    <message>
        <source>{file}: no column for {missing} (its columns: {columns}); choose them in a column mapping</source>
        <translation>{file}: no column for {missing} (its columns: {columns}); choose them in a column mapping</translation>
    </message>
    <message>
        <source>The books have no field {field} (fields: {fields})</source>
        <translation>The books have no field {field} (fields: {fields})</translation>
    </message>
    <message>
        <source>{file} cannot be read: {detail}</source>
        <translation>{file} cannot be read: {detail}</translation>
    </message>
    <message>
        <source>Row {row}: {text} is a total or a balance, not an entry</source>
        <translation>Row {row}: {text} is a total or a balance, not an entry</translation>
    </message>
    <message>
        <source>Row {row}: “{text}” is not a date (write 2026-03-01)</source>
        <translation>Row {row}: “{text}” is not a date (write 2026-03-01)</translation>
    </message>
    <message>
        <source>Row {row}: no date</source>
        <translation>Row {row}: no date</translation>
    </message>
    <message>
        <source>Row {row}: no account</source>
        <translation>Row {row}: no account</translation>
    </message>
    <message>
        <source>Row {row}: “{text}” is not an amount</source>
        <translation>Row {row}: “{text}” is not an amount</translation>
    </message>
    <message>
        <source>Row {row}: no debit and no credit</source>
        <translation>Row {row}: no debit and no credit</translation>
    </message>
    <message>
        <source>Row {row}: voucher {voucher} has this line twice in the file</source>
        <translation>Row {row}: voucher {voucher} has this line twice in the file</translation>
    </message>
    <message>
        <source>Row {row}: voucher {voucher} was imported as {before}, the file now says {now}; post a correcting voucher in the books instead of changing one</source>
        <translation>Row {row}: voucher {voucher} was imported as {before}, the file now says {now}; post a correcting voucher in the books instead of changing one</translation>
    </message>
    <message>
        <source>{file} is not a CSV or Excel (.xls, .xlsx) file</source>
        <translation>{file} is not a CSV or Excel (.xls, .xlsx) file</translation>
    </message>
    <message>
        <source>{file}: cannot read the statement ({detail})</source>
        <translation>{file}: cannot read the statement ({detail})</translation>
    </message>
    <message>
        <source>{file}: the file is empty</source>
        <translation>{file}: the file is empty</translation>
    </message>
    <message>
        <source>{file}: no column {column} (columns: {columns})</source>
        <translation>{file}: no column {column} (columns: {columns})</translation>
    </message>
    <message>
        <source>{file}: no column for {labels} (columns: {columns}); name them in the column mapping</source>
        <translation>{file}: no column for {labels} (columns: {columns}); name them in the column mapping</translation>
    </message>
    <message>
        <source>no field {field} in a bank statement (fields: {fields})</source>
        <translation>no field {field} in a bank statement (fields: {fields})</translation>
    </message>
    <message>
        <source>{field} takes one column, not {columns}</source>
        <translation>{field} takes one column, not {columns}</translation>
    </message>
    <message>
        <source>not a column mapping: {detail}</source>
        <translation>not a column mapping: {detail}</translation>
    </message>
    <message>
        <source>{file}: neither UTF-8 nor GBK text</source>
        <translation>{file}: neither UTF-8 nor GBK text</translation>
    </message>
    <message>
        <source>No meter {meter}</source>
        <translation>No meter {meter}</translation>
    </message>
    <message>
        <source>A meter needs a code</source>
        <translation>A meter needs a code</translation>
    </message>
    <message>
        <source>There is a meter {meter} already</source>
        <translation>There is a meter {meter} already</translation>
    </message>
    <message>
        <source>{meter}: a meter measures electricity, water, gas or heat, not {utility}</source>
        <translation>{meter}: a meter measures electricity, water, gas or heat, not {utility}</translation>
    </message>
    <message>
        <source>{meter}: the multiplier must be above 0, not {multiplier}</source>
        <translation>{meter}: the multiplier must be above 0, not {multiplier}</translation>
    </message>
    <message>
        <source>{meter}: a dial rolls over at a count above 0, not {rollover_at}</source>
        <translation>{meter}: a dial rolls over at a count above 0, not {rollover_at}</translation>
    </message>
    <message>
        <source>{meter}: registers are total, or time-of-use ones (sharp, peak, flat, valley) each once, not {registers}</source>
        <translation>{meter}: registers are total, or time-of-use ones (sharp, peak, flat, valley) each once, not {registers}</translation>
    </message>
    <message>
        <source>{meter}: removed on {removed_on}, before it was installed on {installed_on}</source>
        <translation>{meter}: removed on {removed_on}, before it was installed on {installed_on}</translation>
    </message>
    <message>
        <source>{meter}: no meter {parent} to hang it under</source>
        <translation>{meter}: no meter {parent} to hang it under</translation>
    </message>
    <message>
        <source>{meter}: no meter {replaces} for it to replace</source>
        <translation>{meter}: no meter {replaces} for it to replace</translation>
    </message>
    <message>
        <source>{meter}: no unit {unit} in the park</source>
        <translation>{meter}: no unit {unit} in the park</translation>
    </message>
    <message>
        <source>{meter}: its basis names units not in the park: {units}</source>
        <translation>{meter}: its basis names units not in the park: {units}</translation>
    </message>
    <message>
        <source>{meter} feeds no sub meter: it has no shared consumption</source>
        <translation>{meter} feeds no sub meter: it has no shared consumption</translation>
    </message>
    <message>
        <source>{meter} cannot go there: {parts}</source>
        <translation>{meter} cannot go there: {parts}</translation>
    </message>
    <message>
        <source>{meter}: its parents loop back to {at}</source>
        <translation>{meter}: its parents loop back to {at}</translation>
    </message>
    <message>
        <source>{meter} hangs under {parent}, a meter of another utility</source>
        <translation>{meter} hangs under {parent}, a meter of another utility</translation>
    </message>
    <message>
        <source>{meter} bills unit {unit} and feeds other meters; a unit's meter is a leaf</source>
        <translation>{meter} bills unit {unit} and feeds other meters; a unit's meter is a leaf</translation>
    </message>
    <message>
        <source>{meter}: its parent meter {parent} is not there</source>
        <translation>{meter}: its parent meter {parent} is not there</translation>
    </message>
    <message>
        <source>{meter}: its id {id} is taken</source>
        <translation>{meter}: its id {id} is taken</translation>
    </message>
    <message>
        <source>A reading is a reading, a final or an initial one, not {kind}</source>
        <translation>A reading is a reading, a final or an initial one, not {kind}</translation>
    </message>
    <message>
        <source>{meter}: {parts}</source>
        <translation>{meter}: {parts}</translation>
    </message>
    <message>
        <source>{file} is not an Excel (.xlsx, .xls) or CSV file</source>
        <translation>{file} is not an Excel (.xlsx, .xls) or CSV file</translation>
    </message>
    <message>
        <source>There is no such deposit movement to reverse</source>
        <translation>There is no such deposit movement to reverse</translation>
    </message>
    <message>
        <source>The movement of {amount} on {on} is itself a reversal: it is not reversed; enter the movement again</source>
        <translation>The movement of {amount} on {on} is itself a reversal: it is not reversed; enter the movement again</translation>
    </message>
    <message>
        <source>The movement is dated {movement_on}: its reversal cannot be dated {on}</source>
        <translation>The movement is dated {movement_on}: its reversal cannot be dated {on}</translation>
    </message>
    <message>
        <source>The movement of {amount} on {on} is reversed already</source>
        <translation>The movement of {amount} on {on} is reversed already</translation>
    </message>
    <message>
        <source>{contract}'s deposit holds {holds}: reversing {amount} would leave less than nothing</source>
        <translation>{contract}'s deposit holds {holds}: reversing {amount} would leave less than nothing</translation>
    </message>
    <message>
        <source>The carry's other side is not there (contract {note})</source>
        <translation>The carry's other side is not there (contract {note})</translation>
    </message>
    <message>
        <source>The allocation the movement of {amount} on {on} made is not there to reverse</source>
        <translation>The allocation the movement of {amount} on {on} made is not there to reverse</translation>
    </message>
    <message>
        <source>say why invoice {target} is voided or reversed: a tax audit asks</source>
        <translation>say why invoice {target} is voided or reversed: a tax audit asks</translation>
    </message>
    <message>
        <source>the reason is {length} characters long, at most {limit}</source>
        <translation>the reason is {length} characters long, at most {limit}</translation>
    </message>
    <message>
        <source>The VAT rates were not saved: {parts}</source>
        <translation>The VAT rates were not saved: {parts}</translation>
    </message>
    <message>
        <source>{charge}: “{value}” is not a VAT rate</source>
        <translation>{charge}: “{value}” is not a VAT rate</translation>
    </message>
    <message>
        <source>{charge}: {percent} is not a VAT rate from 0% to 17%</source>
        <translation>{charge}: {percent} is not a VAT rate from 0% to 17%</translation>
    </message>
    <message>
        <source>{charge}: {percent} is finer than a hundredth of a percent</source>
        <translation>{charge}: {percent} is finer than a hundredth of a percent</translation>
    </message>
    <message>
        <source>The calendar was not changed: {parts}</source>
        <translation>The calendar was not changed: {parts}</translation>
    </message>
    <message>
        <source>{day}: a day is a holiday or a make-up working day, not {kind}</source>
        <translation>{day}: a day is a holiday or a make-up working day, not {kind}</translation>
    </message>
    <message>
        <source>{day} is a weekday: a make-up working day (调休) is a Saturday or a Sunday</source>
        <translation>{day} is a weekday: a make-up working day (调休) is a Saturday or a Sunday</translation>
    </message>
    <message>
        <source>{day}: the name is longer than {limit} characters</source>
        <translation>{day}: the name is longer than {limit} characters</translation>
    </message>
    <message>
        <source>{day} is not in the park's calendar</source>
        <translation>{day} is not in the park's calendar</translation>
    </message>
    <message>
        <source>{file}: cannot read the file ({detail})</source>
        <translation>{file}: cannot read the file ({detail})</translation>
    </message>
    <message>
        <source>{file}: no column for {labels} (columns: {columns}); the header names the day (日期) and whether it is off or worked (类型: 休 or 班), and may name it (名称)</source>
        <translation>{file}: no column for {labels} (columns: {columns}); the header names the day (日期) and whether it is off or worked (类型: 休 or 班), and may name it (名称)</translation>
    </message>
    <message>
        <source>Row {row}: “{text}” is not a date (write 2026-10-01)</source>
        <translation>Row {row}: “{text}” is not a date (write 2026-10-01)</translation>
    </message>
    <message>
        <source>Row {row}: “{text}” is neither 休 (a day off) nor 班 (a working day)</source>
        <translation>Row {row}: “{text}” is neither 休 (a day off) nor 班 (a working day)</translation>
    </message>
    <message>
        <source>Row {row}: {day} is a weekday: a make-up working day (班) is a Saturday or a Sunday</source>
        <translation>Row {row}: {day} is a weekday: a make-up working day (班) is a Saturday or a Sunday</translation>
    </message>
    <message>
        <source>Row {row}: the name is longer than {limit} characters</source>
        <translation>Row {row}: the name is longer than {limit} characters</translation>
    </message>
    <message>
        <source>Row {row}: {day} is on row {other} too, as another day</source>
        <translation>Row {row}: {day} is on row {other} too, as another day</translation>
    </message>
    <message>
        <source>{meter} replaces {replaces}, which {by} replaces already</source>
        <translation>{meter} replaces {replaces}, which {by} replaces already</translation>
    </message>
    <message>
        <source>{meter}: the meters it replaces lead back to it</source>
        <translation>{meter}: the meters it replaces lead back to it</translation>
    </message>
    <message>
        <source>There was a meter {meter}, removed: a code is never used twice</source>
        <translation>There was a meter {meter}, removed: a code is never used twice</translation>
    </message>
    <message>
        <source>{meter} still feeds {count} meters ({meters}): move them under another meter or archive them first</source>
        <translation>{meter} still feeds {count} meters ({meters}): move them under another meter or archive them first</translation>
    </message>
    <message>
        <source>{meter} was read on {on}, after {removed_on}: it was in service then</source>
        <translation>{meter} was read on {on}, after {removed_on}: it was in service then</translation>
    </message>
    <message>
        <source>{meter}: give its final {register} reading on {removed_on} (its last reading is {value} on {on})</source>
        <translation>{meter}: give its final {register} reading on {removed_on} (its last reading is {value} on {on})</translation>
    </message>
    <message>
        <source>{meter}: its {register} dial was closed by a final reading on {on} already</source>
        <translation>{meter}: its {register} dial was closed by a final reading on {on} already</translation>
    </message>
    <message>
        <source>{meter} has {count} readings: a meter that was read is archived, never removed</source>
        <translation>{meter} has {count} readings: a meter that was read is archived, never removed</translation>
    </message>
    <message>
        <source>{meter} is named by posted bills ({bills}): it is archived, never removed</source>
        <translation>{meter} is named by posted bills ({bills}): it is archived, never removed</translation>
    </message>
    <message>
        <source>{meter} is in service: there is nothing to restore</source>
        <translation>{meter} is in service: there is nothing to restore</translation>
    </message>
    <message>
        <source>{meter} was replaced by {by}: it stays archived</source>
        <translation>{meter} was replaced by {by}: it stays archived</translation>
    </message>
    <message>
        <source>{meter} hangs under {parent}, which is archived: restore {parent} first, or move {meter}</source>
        <translation>{meter} hangs under {parent}, which is archived: restore {parent} first, or move {meter}</translation>
    </message>
    <message>
        <source>{meter} cannot replace itself</source>
        <translation>{meter} cannot replace itself</translation>
    </message>
    <message>
        <source>{meter} and {replaces} measure different utilities: a meter replaces one of its own utility</source>
        <translation>{meter} and {replaces} measure different utilities: a meter replaces one of its own utility</translation>
    </message>
    <message>
        <source>{replaces} is replaced by {by} already</source>
        <translation>{replaces} is replaced by {by} already</translation>
    </message>
    <message>
        <source>{meter} hangs under {replaces}, the meter it replaces: hang it where {replaces} hangs</source>
        <translation>{meter} hangs under {replaces}, the meter it replaces: hang it where {replaces} hangs</translation>
    </message>
    <message>
        <source>{replaces} hangs beneath {meter}: a meter cannot replace one it feeds</source>
        <translation>{replaces} hangs beneath {meter}: a meter cannot replace one it feeds</translation>
    </message>
    <message>
        <source>{meter} is installed on {installed_on}, before {replaces} was removed on {removed_on}</source>
        <translation>{meter} is installed on {installed_on}, before {replaces} was removed on {removed_on}</translation>
    </message>
    <message>
        <source>The tariff was not saved: {parts}</source>
        <translation>The tariff was not saved: {parts}</translation>
    </message>
    <message>
        <source>The tariff version was not found</source>
        <translation>The tariff version was not found</translation>
    </message>
    <message>
        <source>{name} from {valid_from} priced bills already posted ({bills}): it is kept as it is. To correct it, add a new version from a later date</source>
        <translation>{name} from {valid_from} priced bills already posted ({bills}): it is kept as it is. To correct it, add a new version from a later date</translation>
    </message>
    <message>
        <source>{name} is set on meters {meters}: choose another tariff for them before archiving its last version</source>
        <translation>{name} is set on meters {meters}: choose another tariff for them before archiving its last version</translation>
    </message>
    <message>
        <source>Name the tariff</source>
        <translation>Name the tariff</translation>
    </message>
    <message>
        <source>The name is longer than {limit} characters</source>
        <translation>The name is longer than {limit} characters</translation>
    </message>
    <message>
        <source>A tariff prices electricity, water, gas or heat, not {utility}</source>
        <translation>A tariff prices electricity, water, gas or heat, not {utility}</translation>
    </message>
    <message>
        <source>Give the day the tariff is in force from</source>
        <translation>Give the day the tariff is in force from</translation>
    </message>
    <message>
        <source>The tariff does not hold: {detail}</source>
        <translation>The tariff does not hold: {detail}</translation>
    </message>
    <message>
        <source>A tariff is flat, tiered or time-of-use, not {kind}</source>
        <translation>A tariff is flat, tiered or time-of-use, not {kind}</translation>
    </message>
    <message>
        <source>Enter the price</source>
        <translation>Enter the price</translation>
    </message>
    <message>
        <source>The price “{text}” is not a number</source>
        <translation>The price “{text}” is not a number</translation>
    </message>
    <message>
        <source>The price {price} is below zero</source>
        <translation>The price {price} is below zero</translation>
    </message>
    <message>
        <source>{register}: enter its price; a time-of-use tariff prices peak, flat and valley</source>
        <translation>{register}: enter its price; a time-of-use tariff prices peak, flat and valley</translation>
    </message>
    <message>
        <source>{register}: the price “{text}” is not a number</source>
        <translation>{register}: the price “{text}” is not a number</translation>
    </message>
    <message>
        <source>{register}: the price {price} is below zero</source>
        <translation>{register}: the price {price} is below zero</translation>
    </message>
    <message>
        <source>{register} is not a time-of-use register (sharp, peak, flat or valley)</source>
        <translation>{register} is not a time-of-use register (sharp, peak, flat or valley)</translation>
    </message>
    <message>
        <source>A tiered tariff needs its bands</source>
        <translation>A tiered tariff needs its bands</translation>
    </message>
    <message>
        <source>Band {band}: enter its price</source>
        <translation>Band {band}: enter its price</translation>
    </message>
    <message>
        <source>Band {band}: the price “{text}” is not a number</source>
        <translation>Band {band}: the price “{text}” is not a number</translation>
    </message>
    <message>
        <source>Band {band}: the price {price} is below zero</source>
        <translation>Band {band}: the price {price} is below zero</translation>
    </message>
    <message>
        <source>Band {band}: enter where it ends; only the last band is open</source>
        <translation>Band {band}: enter where it ends; only the last band is open</translation>
    </message>
    <message>
        <source>Band {band}: its end “{text}” is not a number</source>
        <translation>Band {band}: its end “{text}” is not a number</translation>
    </message>
    <message>
        <source>Band {band} ends at {up_to}, not above where the band before it ends ({below}): bands rise and do not overlap</source>
        <translation>Band {band} ends at {up_to}, not above where the band before it ends ({below}): bands rise and do not overlap</translation>
    </message>
    <message>
        <source>Band {band}: the last band has no end (leave it blank); it takes all use above the band before it</source>
        <translation>Band {band}: the last band has no end (leave it blank); it takes all use above the band before it</translation>
    </message>
    <message>
        <source>{name} has a version from {valid_from} already: change that one, or give this one another day</source>
        <translation>{name} has a version from {valid_from} already: change that one, or give this one another day</translation>
    </message>
    <message>
        <source>{file}: no column for {fields} (columns: {columns}); the header names the meter (表号), the day read (抄表日期) and the reading (读数), or one column per register (峰, 平, 谷)</source>
        <translation>{file}: no column for {fields} (columns: {columns}); the header names the meter (表号), the day read (抄表日期) and the reading (读数), or one column per register (峰, 平, 谷)</translation>
    </message>
    <message>
        <source>{column}: no meter code</source>
        <translation>{column}: no meter code</translation>
    </message>
    <message>
        <source>{column}: empty</source>
        <translation>{column}: empty</translation>
    </message>
    <message>
        <source>{column}: cannot read “{value}” as a day</source>
        <translation>{column}: cannot read “{value}” as a day</translation>
    </message>
    <message>
        <source>{column}: “{value}” is not a reading, a final (拆表) or an initial (装表) one</source>
        <translation>{column}: “{value}” is not a reading, a final (拆表) or an initial (装表) one</translation>
    </message>
    <message>
        <source>{column}: “{value}” is not total, 尖, 峰, 平 or 谷</source>
        <translation>{column}: “{value}” is not total, 尖, 峰, 平 or 谷</translation>
    </message>
    <message>
        <source>{column}: cannot read “{value}” as a reading</source>
        <translation>{column}: cannot read “{value}” as a reading</translation>
    </message>
    <message>
        <source>no reading in {columns}</source>
        <translation>no reading in {columns}</translation>
    </message>
    <message>
        <source>no meter {meter} in the park</source>
        <translation>no meter {meter} in the park</translation>
    </message>
    <message>
        <source>{meter}: a {register} reading on {on}, but the meter has registers {registers}</source>
        <translation>{meter}: a {register} reading on {on}, but the meter has registers {registers}</translation>
    </message>
    <message>
        <source>{meter}: a reading of {value} is below zero</source>
        <translation>{meter}: a reading of {value} is below zero</translation>
    </message>
    <message>
        <source>{meter}: reading {value} on {on} is not on its dial (0 to below {rollover_at})</source>
        <translation>{meter}: reading {value} on {on} is not on its dial (0 to below {rollover_at})</translation>
    </message>
    <message>
        <source>{meter} was installed on {installed_on}, after {on}</source>
        <translation>{meter} was installed on {installed_on}, after {on}</translation>
    </message>
    <message>
        <source>{meter} was removed on {removed_on}, before {on}</source>
        <translation>{meter} was removed on {removed_on}, before {on}</translation>
    </message>
    <message>
        <source>{meter} {register} on {on} is also on row {rows} with another value</source>
        <translation>{meter} {register} on {on} is also on row {rows} with another value</translation>
    </message>
    <message>
        <source>the same reading is on row {row}</source>
        <translation>the same reading is on row {row}</translation>
    </message>
    <message>
        <source>{meter}: the dial rolled over at {rollover_at} between {previous} and {value}</source>
        <translation>{meter}: the dial rolled over at {rollover_at} between {previous} and {value}</translation>
    </message>
    <message>
        <source>{meter}: replaced: the old dial's final {previous}, the new one's initial {value}</source>
        <translation>{meter}: replaced: the old dial's final {previous}, the new one's initial {value}</translation>
    </message>
    <message>
        <source>{meter}: reading {value} on {on} is below {previous} on {previous_on} and is not a rollover</source>
        <translation>{meter}: reading {value} on {on} is below {previous} on {previous_on} and is not a rollover</translation>
    </message>
    <message>
        <source>{meter}: {per_day} a day from {previous_on} to {on}, over {factor} × the median {median} of the last {history} readings</source>
        <translation>{meter}: {per_day} a day from {previous_on} to {on}, over {factor} × the median {median} of the last {history} readings</translation>
    </message>
    <message>
        <source>{meter}: the reading dated {on} was entered after one dated {latest}</source>
        <translation>{meter}: the reading dated {on} was entered after one dated {latest}</translation>
    </message>
    <message>
        <source>{meter}: the reading on {on} follows the old meter's final reading with no initial reading of the new one; counted from 0</source>
        <translation>{meter}: the reading on {on} follows the old meter's final reading with no initial reading of the new one; counted from 0</translation>
    </message>
    <message>
        <source>{meter}: a new meter's initial reading on {on} follows no final reading of the old one; its last use is unknown</source>
        <translation>{meter}: a new meter's initial reading on {on} follows no final reading of the old one; its last use is unknown</translation>
    </message>
    <message>
        <source>{file}: no column for {fields} (columns: {columns}); the header names the unit (单元编号), the month (月份) and access counts (门禁次数), lighting hours (照明时长), HVAC hours (空调时长) or energy (用电量)</source>
        <translation>{file}: no column for {fields} (columns: {columns}); the header names the unit (单元编号), the month (月份) and access counts (门禁次数), lighting hours (照明时长), HVAC hours (空调时长) or energy (用电量)</translation>
    </message>
    <message>
        <source>{column}: no unit code</source>
        <translation>{column}: no unit code</translation>
    </message>
    <message>
        <source>{column}: cannot read “{value}” as a month</source>
        <translation>{column}: cannot read “{value}” as a month</translation>
    </message>
    <message>
        <source>{column}: cannot read “{value}”</source>
        <translation>{column}: cannot read “{value}”</translation>
    </message>
    <message>
        <source>{column}: {value} is below zero</source>
        <translation>{column}: {value} is below zero</translation>
    </message>
    <message>
        <source>{column}: {value} entries is not a whole number</source>
        <translation>{column}: {value} entries is not a whole number</translation>
    </message>
    <message>
        <source>{column}: {value} hours is more than the month's {most}</source>
        <translation>{column}: {value} hours is more than the month's {most}</translation>
    </message>
    <message>
        <source>no unit {unit} in the park</source>
        <translation>no unit {unit} in the park</translation>
    </message>
    <message>
        <source>{unit} {month} is also on row {rows}</source>
        <translation>{unit} {month} is also on row {rows}</translation>
    </message>
    <message>
        <source>{unit} has an electricity meter: the energy map reads it for the months its readings measure</source>
        <translation>{unit} has an electricity meter: the energy map reads it for the months its readings measure</translation>
    </message>
    <message>
        <source>{file} is a folder, not a Leasemap workspace</source>
        <translation>{file} is a folder, not a Leasemap workspace</translation>
    </message>
    <message>
        <source>{file} is empty, not a Leasemap workspace</source>
        <translation>{file} is empty, not a Leasemap workspace</translation>
    </message>
    <message>
        <source>{file} is not a Leasemap workspace (not an SQLite database)</source>
        <translation>{file} is not a Leasemap workspace (not an SQLite database)</translation>
    </message>
    <message>
        <source>{file} is damaged or not a Leasemap workspace (truncated header)</source>
        <translation>{file} is damaged or not a Leasemap workspace (truncated header)</translation>
    </message>
    <message>
        <source>{file} is an SQLite database but not a Leasemap workspace</source>
        <translation>{file} is an SQLite database but not a Leasemap workspace</translation>
    </message>
    <message>
        <source>{file} cannot be read as a database: {detail}</source>
        <translation>{file} cannot be read as a database: {detail}</translation>
    </message>
    <message>
        <source>{file} is damaged or not a Leasemap workspace: {detail}</source>
        <translation>{file} is damaged or not a Leasemap workspace: {detail}</translation>
    </message>
    <message>
        <source>{file} has no schema revision; it was never finished</source>
        <translation>{file} has no schema revision; it was never finished</translation>
    </message>
    <message>
        <source>{file} was written by a newer Leasemap (schema {revision}); this version reads up to schema {head}. Update Leasemap to open it.</source>
        <translation>{file} was written by a newer Leasemap (schema {revision}); this version reads up to schema {head}. Update Leasemap to open it.</translation>
    </message>
    <message>
        <source>{file}: workspace metadata is missing</source>
        <translation>{file}: workspace metadata is missing</translation>
    </message>
    <message>
        <source>{file} already exists; choose another name</source>
        <translation>{file} already exists; choose another name</translation>
    </message>
    <message>
        <source>upgrading the workspace to schema {revision} would break {count} references; nothing was changed</source>
        <translation>upgrading the workspace to schema {revision} would break {count} references; nothing was changed</translation>
    </message>
    <message>
        <source>the unit no longer exists (id {id})</source>
        <translation>the unit no longer exists (id {id})</translation>
    </message>
    <message>
        <source>the unit has been archived or removed (id {id}); it cannot be edited</source>
        <translation>the unit has been archived or removed (id {id}); it cannot be edited</translation>
    </message>
    <message>
        <source>{file}: no rooms were found to import</source>
        <translation>{file}: no rooms were found to import</translation>
    </message>
    <message>
        <source>the workspace has no park</source>
        <translation>the workspace has no park</translation>
    </message>
    <message>
        <source>the workspace has {count} parks; name one with --park</source>
        <translation>the workspace has {count} parks; name one with --park</translation>
    </message>
    <message>
        <source>{file}: no outline is labelled with a building of park {park} (buildings: {buildings}; labels found: {labels})</source>
        <translation>{file}: no outline is labelled with a building of park {park} (buildings: {buildings}; labels found: {labels})</translation>
    </message>
    <message>
        <source>the drawing's rooms meet only {meeting} of the {units} units on floor {floor} (level {level}): it may be another floor's drawing, or drawn from another origin</source>
        <translation>the drawing's rooms meet only {meeting} of the {units} units on floor {floor} (level {level}): it may be another floor's drawing, or drawn from another origin</translation>
    </message>
    <message>
        <source>the rooms' numbers ({labels}) name level {named}, not level {level}: it may be another floor's drawing</source>
        <translation>the rooms' numbers ({labels}) name level {named}, not level {level}: it may be another floor's drawing</translation>
    </message>
    <message>
        <source>{parts} — check the floor and the drawing, or confirm to import it anyway</source>
        <translation>{parts} — check the floor and the drawing, or confirm to import it anyway</translation>
    </message>
    <message>
        <source>{file}: permission denied</source>
        <translation>{file}: permission denied</translation>
    </message>
    <message>
        <source>{file}: no such file or folder</source>
        <translation>{file}: no such file or folder</translation>
    </message>
    <message>
        <source>{file} already exists</source>
        <translation>{file} already exists</translation>
    </message>
    <message>
        <source>{file} is a folder</source>
        <translation>{file} is a folder</translation>
    </message>
    <message>
        <source>{file}: the disk is full</source>
        <translation>{file}: the disk is full</translation>
    </message>
    <message>
        <source>{file}: the disk is read-only</source>
        <translation>{file}: the disk is read-only</translation>
    </message>
    <message>
        <source>{file}: {detail}</source>
        <translation>{file}: {detail}</translation>
    </message>
    <message>
        <source>{units} is under contract {contracts}: it needs an amendment first</source>
        <translation>{units} is under contract {contracts}: it needs an amendment first</translation>
    </message>
    <message>
        <source>{units} are not all of one use: change their use first</source>
        <translation>{units} are not all of one use: change their use first</translation>
    </message>
    <message>
        <source>units on different floors cannot be merged ({units})</source>
        <translation>units on different floors cannot be merged ({units})</translation>
    </message>
    <message>
        <source>pick two or more units to merge</source>
        <translation>pick two or more units to merge</translation>
    </message>
    <message>
        <source>{units} not next to the others: merge only neighbours</source>
        <translation>{units} not next to the others: merge only neighbours</translation>
    </message>
    <message>
        <source>{unit} has no outline on the plan</source>
        <translation>{unit} has no outline on the plan</translation>
    </message>
    <message>
        <source>{unit} is drawn in several parts: split each by hand</source>
        <translation>{unit} is drawn in several parts: split each by hand</translation>
    </message>
    <message>
        <source>the units already have that use</source>
        <translation>the units already have that use</translation>
    </message>
    <message>
        <source>change the use of one floor's units at a time ({units})</source>
        <translation>change the use of one floor's units at a time ({units})</translation>
    </message>
    <message>
        <source>that edit is not in this workspace</source>
        <translation>that edit is not in this workspace</translation>
    </message>
    <message>
        <source>that edit was already undone or redone</source>
        <translation>that edit was already undone or redone</translation>
    </message>
    <message>
        <source>that floor is not in this workspace</source>
        <translation>that floor is not in this workspace</translation>
    </message>
    <message>
        <source>the line does not cross the unit</source>
        <translation>the line does not cross the unit</translation>
    </message>
    <message>
        <source>the line does not cut the unit in two: draw it from wall to wall</source>
        <translation>the line does not cut the unit in two: draw it from wall to wall</translation>
    </message>
    <message>
        <source>a piece would be {area} m², under {min} m²</source>
        <translation>a piece would be {area} m², under {min} m²</translation>
    </message>
    <message>
        <source>a piece would be only {width} m wide, under {min} m</source>
        <translation>a piece would be only {width} m wide, under {min} m</translation>
    </message>
    <message>
        <source>the outline crosses itself (near {where})</source>
        <translation>the outline crosses itself (near {where})</translation>
    </message>
    <message>
        <source>the unit would be {area} m², under {min} m²</source>
        <translation>the unit would be {area} m², under {min} m²</translation>
    </message>
    <message>
        <source>the outline overlaps {other} by {area} m²</source>
        <translation>the outline overlaps {other} by {area} m²</translation>
    </message>
    <message>
        <source>the outline leaves the floor by {area} m²</source>
        <translation>the outline leaves the floor by {area} m²</translation>
    </message>
    <message>
        <source>the unit is drawn in {count} parts: edit one part at a time</source>
        <translation>the unit is drawn in {count} parts: edit one part at a time</translation>
    </message>
    <message>
        <source>an outline needs at least three corners ({vertices} would be left)</source>
        <translation>an outline needs at least three corners ({vertices} would be left)</translation>
    </message>
    <message>
        <source>no building {building}</source>
        <translation>no building {building}</translation>
    </message>
    <message>
        <source>building {building} has no floor at level {level}</source>
        <translation>building {building} has no floor at level {level}</translation>
    </message>
    <message>
        <source>building {building} is in {count} parks; name one with --park</source>
        <translation>building {building} is in {count} parks; name one with --park</translation>
    </message>
    <message>
        <source>{meter}: an initial (装表) {register} reading on {on} opens a new dial, and it would follow the reading {previous} of {previous_on}, which is no final (拆表) one</source>
        <translation>{meter}: an initial (装表) {register} reading on {on} opens a new dial, and it would follow the reading {previous} of {previous_on}, which is no final (拆表) one</translation>
    </message>
    <message>
        <source>{meter}: its {register} dial is opened by an initial (装表) reading on {next_on} already</source>
        <translation>{meter}: its {register} dial is opened by an initial (装表) reading on {next_on} already</translation>
    </message>
    <message>
        <source>{meter}: its {register} dial was closed by a final (拆表) reading on {previous_on} already</source>
        <translation>{meter}: its {register} dial was closed by a final (拆表) reading on {previous_on} already</translation>
    </message>
    <message>
        <source>{meter}: a final (拆表) {register} reading on {on} is the dial's last, but it is read on {next_on} after it</source>
        <translation>{meter}: a final (拆表) {register} reading on {on} is the dial's last, but it is read on {next_on} after it</translation>
    </message>
    <message>
        <source>{meter} was read on {on}, before {installed_on}: it was in service then</source>
        <translation>{meter} was read on {on}, before {installed_on}: it was in service then</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>MeterDialog</name>
    <message>
        <source>{field}: “{text}” is not a number</source>
        <translation>{field}: “{text}” is not a number</translation>
    </message>
    <message>
        <source>{field}: “{text}” is not a day (write 2026-03-01)</source>
        <translation>{field}: “{text}” is not a day (write 2026-03-01)</translation>
    </message>
    <message>
        <source>Weight {row}: name its unit</source>
        <translation>Weight {row}: name its unit</translation>
    </message>
    <message>
        <source>Weight of {unit}</source>
        <translation>Weight of {unit}</translation>
    </message>
    <message>
        <source>Weight of {unit}: {weight} is below zero</source>
        <translation>Weight of {unit}: {weight} is below zero</translation>
    </message>
    <message>
        <source>{basis}: give each unit its weight</source>
        <translation>{basis}: give each unit its weight</translation>
    </message>
    <message>
        <source>{field}: {day} is before {meter} was removed on {removed}</source>
        <translation>{field}: {day} is before {meter} was removed on {removed}</translation>
    </message>
    <message>
        <source>Add a meter</source>
        <translation>Add a meter</translation>
    </message>
    <message>
        <source>Edit meter {code}</source>
        <translation>Edit meter {code}</translation>
    </message>
    <message>
        <source>A main meter has no parent; a sub meter hangs under its parent and bills a unit, serves a common area (no unit), or feeds sub meters of its own. What a meter measures beyond its sub meters is shared over the units beneath it by its basis.</source>
        <translation>A main meter has no parent; a sub meter hangs under its parent and bills a unit, serves a common area (no unit), or feeds sub meters of its own. What a meter measures beyond its sub meters is shared over the units beneath it by its basis.</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <source>Utility:</source>
        <translation>Utility:</translation>
    </message>
    <message>
        <source>Parent meter:</source>
        <translation>Parent meter:</translation>
    </message>
    <message>
        <source>Unit billed:</source>
        <translation>Unit billed:</translation>
    </message>
    <message>
        <source>Multiplier:</source>
        <translation>Multiplier:</translation>
    </message>
    <message>
        <source>Dial rolls over at:</source>
        <translation>Dial rolls over at:</translation>
    </message>
    <message>
        <source>Registers:</source>
        <translation>Registers:</translation>
    </message>
    <message>
        <source>Tariff:</source>
        <translation>Tariff:</translation>
    </message>
    <message>
        <source>Installed on:</source>
        <translation>Installed on:</translation>
    </message>
    <message>
        <source>Removed on:</source>
        <translation>Removed on:</translation>
    </message>
    <message>
        <source>Replaces:</source>
        <translation>Replaces:</translation>
    </message>
    <message>
        <source>Shared by:</source>
        <translation>Shared by:</translation>
    </message>
    <message>
        <source>As on the meter's nameplate</source>
        <translation>As on the meter's nameplate</translation>
    </message>
    <message>
        <source>The unit's code; blank for a main, sub-main or common area meter</source>
        <translation>The unit's code; blank for a main, sub-main or common area meter</translation>
    </message>
    <message>
        <source>1, or the CT ratio (80)</source>
        <translation>1, or the CT ratio (80)</translation>
    </message>
    <message>
        <source>100000 for a dial up to 99999.9; blank: it never wraps</source>
        <translation>100000 for a dial up to 99999.9; blank: it never wraps</translation>
    </message>
    <message>
        <source>2026-03-01, or blank</source>
        <translation>2026-03-01, or blank</translation>
    </message>
    <message>
        <source>blank while in service</source>
        <translation>blank while in service</translation>
    </message>
    <message>
        <source>(none: a main meter)</source>
        <translation>(none: a main meter)</translation>
    </message>
    <message>
        <source>The meter record this one takes the place of: a new dial or CT ratio at the same point. Its final reading and this one's initial reading make the month add up.</source>
        <translation>The meter record this one takes the place of: a new dial or CT ratio at the same point. Its final reading and this one's initial reading make the month add up.</translation>
    </message>
    <message>
        <source>(none: not priced)</source>
        <translation>(none: not priced)</translation>
    </message>
    <message>
        <source>New tariff…</source>
        <translation>New tariff…</translation>
    </message>
    <message>
        <source>Add a tariff, or a new version of one; it is listed here once saved</source>
        <translation>Add a tariff, or a new version of one; it is listed here once saved</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>{meter} was removed on {removed}: this meter cannot be installed before it.</source>
        <translation>{meter} was removed on {removed}: this meter cannot be installed before it.</translation>
    </message>
    <message>
        <source>{meter} was removed on {removed}; this meter takes its place from then.</source>
        <translation>{meter} was removed on {removed}; this meter takes its place from then.</translation>
    </message>
    <message>
        <source>Give the day this meter was installed: {meter} is marked removed on it.</source>
        <translation>Give the day this meter was installed: {meter} is marked removed on it.</translation>
    </message>
    <message>
        <source>Saving marks {meter} removed on {day}, the day this meter is installed.</source>
        <translation>Saving marks {meter} removed on {day}, the day this meter is installed.</translation>
    </message>
    <message>
        <source>Its final reading is not entered yet: Archive… {meter} asks for it; until then its months after its last reading are held as not read.</source>
        <translation>Its final reading is not entered yet: Archive… {meter} asks for it; until then its months after its last reading are held as not read.</translation>
    </message>
    <message>
        <source>this meter</source>
        <translation>this meter</translation>
    </message>
    <message>
        <source>1 sub meter moves from {meter} to {code}: {meters}.</source>
        <translation>1 sub meter moves from {meter} to {code}: {meters}.</translation>
    </message>
    <message>
        <source>{count} sub meters move from {meter} to {code}: {meters}.</source>
        <translation>{count} sub meters move from {meter} to {code}: {meters}.</translation>
    </message>
    <message>
        <source>Past months stay as they were: the two records are one place in the tree.</source>
        <translation>Past months stay as they were: the two records are one place in the tree.</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Add unit</source>
        <translation>Add unit</translation>
    </message>
    <message>
        <source>Remove unit</source>
        <translation>Remove unit</translation>
    </message>
    <message>
        <source>Units beneath</source>
        <translation>Units beneath</translation>
    </message>
    <message>
        <source>A row, weight 1, for every unit metered beneath this meter</source>
        <translation>A row, weight 1, for every unit metered beneath this meter</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MeterImport</name>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>Meter</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>Used since the previous</source>
        <translation>Used since the previous</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Flags or why refused</source>
        <translation>Flags or why refused</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>Import cancelled: nothing was written.</translation>
    </message>
    <message>
        <source>Rehearsal cancelled.</source>
        <translation>Rehearsal cancelled.</translation>
    </message>
    <message>
        <source>Choose a readings file</source>
        <translation>Choose a readings file</translation>
    </message>
    <message>
        <source>Readings (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>Readings (*.xlsx *.xls *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Row {row}, {meter}: {status}</source>
        <translation>Row {row}, {meter}: {status}</translation>
    </message>
    <message>
        <source>Used {used} since {previous_on}</source>
        <translation>Used {used} since {previous_on}</translation>
    </message>
    <message>
        <source>Import meter readings</source>
        <translation>Import meter readings</translation>
    </message>
    <message>
        <source>An Excel or CSV file with a meter code (表号), the day read (抄表日期) and the reading (读数) on each row, or one column per register (峰, 平, 谷, 尖). Rehearse it to see every reading, what it used and its flags; nothing is written until you import, and importing the same file again adds nothing.</source>
        <translation>An Excel or CSV file with a meter code (表号), the day read (抄表日期) and the reading (读数) on each row, or one column per register (峰, 平, 谷, 尖). Rehearse it to see every reading, what it used and its flags; nothing is written until you import, and importing the same file again adds nothing.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Rehearse</source>
        <translation>Rehearse</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Only refused and flagged readings</source>
        <translation>Only refused and flagged readings</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Importing the readings…</source>
        <translation>Importing the readings…</translation>
    </message>
    <message>
        <source>Reading and checking the file…</source>
        <translation>Reading and checking the file…</translation>
    </message>
    <message>
        <source>Choose a readings file to begin.</source>
        <translation>Choose a readings file to begin.</translation>
    </message>
    <message>
        <source>Rehearse the file to see the readings it holds.</source>
        <translation>Rehearse the file to see the readings it holds.</translation>
    </message>
    <message>
        <source>{rows} readings under the header on row {header}: {added} to add, {corrected} to correct, {unchanged} already there, {rejected} refused; {flagged} flagged. Nothing is written until you import.</source>
        <translation>{rows} readings under the header on row {header}: {added} to add, {corrected} to correct, {unchanged} already there, {rejected} refused; {flagged} flagged. Nothing is written until you import.</translation>
    </message>
    <message>
        <source>{rows} readings under the header on row {header}: {unchanged} already there, {rejected} refused; there is nothing new to import.</source>
        <translation>{rows} readings under the header on row {header}: {unchanged} already there, {rejected} refused; there is nothing new to import.</translation>
    </message>
    <message>
        <source>Imported in one go: {added} readings added, {corrected} corrected, {unchanged} already there, {rejected} refused; {flagged} flagged, to be checked before billing. Importing the file again adds nothing.</source>
        <translation>Imported in one go: {added} readings added, {corrected} corrected, {unchanged} already there, {rejected} refused; {flagged} flagged, to be checked before billing. Importing the file again adds nothing.</translation>
    </message>
</context>
<context>
    <name>MeterReadings</name>
    <message>
        <source>“{text}” is not a number</source>
        <translation>“{text}” is not a number</translation>
    </message>
    <message>
        <source>Saved in one go: {new} new, {correction} corrected, {unchanged} already there, {rejected} refused. A refused row keeps what you typed: correct it and save again.</source>
        <translation>Saved in one go: {new} new, {correction} corrected, {unchanged} already there, {rejected} refused. A refused row keeps what you typed: correct it and save again.</translation>
    </message>
    <message>
        <source>Saved in one go: {new} new, {correction} corrected, {unchanged} already there.</source>
        <translation>Saved in one go: {new} new, {correction} corrected, {unchanged} already there.</translation>
    </message>
    <message>
        <source>Refused: {why}</source>
        <translation>Refused: {why}</translation>
    </message>
    <message>
        <source>Saved: corrects {before}</source>
        <translation>Saved: corrects {before}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Type a reading in a row to save it.</source>
        <translation>Type a reading in a row to save it.</translation>
    </message>
    <message>
        <source>Saving the readings…</source>
        <translation>Saving the readings…</translation>
    </message>
    <message>
        <source>{count} meters; {typed} readings typed, {flagged} flagged, {bad} not numbers.</source>
        <translation>{count} meters; {typed} readings typed, {flagged} flagged, {bad} not numbers.</translation>
    </message>
    <message>
        <source>Enter readings</source>
        <translation>Enter readings</translation>
    </message>
    <message>
        <source>Type each meter's reading as its dial shows it. The use since the previous reading (multiplier applied) and the flags are worked out as you type: a fall that is no rollover, a spike, a reading out of order. Save writes them all in one go; flagged readings are written and are to be checked before billing.</source>
        <translation>Type each meter's reading as its dial shows it. The use since the previous reading (multiplier applied) and the flags are worked out as you type: a fall that is no rollover, a spike, a reading out of order. Save writes them all in one go; flagged readings are written and are to be checked before billing.</translation>
    </message>
    <message>
        <source>Kind: an initial (装表) reading opens a new meter's dial as it is installed, a final (拆表) one closes an old meter's as it is taken out; any other reading is an ordinary one.</source>
        <translation>Kind: an initial (装表) reading opens a new meter's dial as it is installed, a final (拆表) one closes an old meter's as it is taken out; any other reading is an ordinary one.</translation>
    </message>
    <message>
        <source>Read on:</source>
        <translation>Read on:</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>Meter</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Previous day</translation>
    </message>
    <message>
        <source>Previous reading</source>
        <translation>Previous reading</translation>
    </message>
    <message>
        <source>New reading</source>
        <translation>New reading</translation>
    </message>
    <message>
        <source>Used ({unit})</source>
        <translation>Used ({unit})</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Used</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Initial (装表): a new meter's first figure, on the day it is installed; Final (拆表): an old meter's last, on the day it is taken out</source>
        <translation>Initial (装表): a new meter's first figure, on the day it is installed; Final (拆表): an old meter's last, on the day it is taken out</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MeterStatement</name>
    <message>
        <source>Reading the statement…</source>
        <translation>Reading the statement…</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <source>The file could not be written: {problem}</source>
        <translation>The file could not be written: {problem}</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Shared statement (公摊) of {meter}</source>
        <translation>Shared statement (公摊) of {meter}</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Meters</name>
    <message>
        <source>Electricity</source>
        <translation>Electricity</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>Water</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>Gas</translation>
    </message>
    <message>
        <source>Heat</source>
        <translation>Heat</translation>
    </message>
    <message>
        <source>kWh</source>
        <translation>kWh</translation>
    </message>
    <message>
        <source>m³</source>
        <translation>m³</translation>
    </message>
    <message>
        <source>GJ</source>
        <translation>GJ</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Sharp</source>
        <translation>Sharp</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Peak</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>Flat</translation>
    </message>
    <message>
        <source>Valley</source>
        <translation>Valley</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>By area</source>
        <translation>By area</translation>
    </message>
    <message>
        <source>By floor weights</source>
        <translation>By floor weights</translation>
    </message>
    <message>
        <source>By headcount</source>
        <translation>By headcount</translation>
    </message>
    <message>
        <source>By agreed weights</source>
        <translation>By agreed weights</translation>
    </message>
    <message>
        <source>Main meter</source>
        <translation>Main meter</translation>
    </message>
    <message>
        <source>Unit meter</source>
        <translation>Unit meter</translation>
    </message>
    <message>
        <source>Common area meter</source>
        <translation>Common area meter</translation>
    </message>
    <message>
        <source>Sub-main meter</source>
        <translation>Sub-main meter</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>Initial (装表)</source>
        <translation>Initial (装表)</translation>
    </message>
    <message>
        <source>Final (拆表)</source>
        <translation>Final (拆表)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>Already there</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>{meter}: no {register} reading at all</source>
        <translation>{meter}: no {register} reading at all</translation>
    </message>
    <message>
        <source>{meter}: no {register} reading on or before {start}; counted from the first one known</source>
        <translation>{meter}: no {register} reading on or before {start}; counted from the first one known</translation>
    </message>
    <message>
        <source>{meter}: no {register} reading from {start} to {end}; the next reading catches up</source>
        <translation>{meter}: no {register} reading from {start} to {end}; the next reading catches up</translation>
    </message>
    <message>
        <source>{meter}: no {register} reading from {start} to {end}</source>
        <translation>{meter}: no {register} reading from {start} to {end}</translation>
    </message>
    <message>
        <source>{meter}: installed on {installed_on} with no initial (装表) {register} reading; its use until its first reading is unknown: give the dial's figure on that day</source>
        <translation>{meter}: installed on {installed_on} with no initial (装表) {register} reading; its use until its first reading is unknown: give the dial's figure on that day</translation>
    </message>
    <message>
        <source>{meter}: removed on {removed_on} with no final (拆表) {register} reading; its use since {since} is unknown: give the dial's figure on that day</source>
        <translation>{meter}: removed on {removed_on} with no final (拆表) {register} reading; its use since {since} is unknown: give the dial's figure on that day</translation>
    </message>
    <message>
        <source>{meter}: installed on {on}, its dial at {value}</source>
        <translation>{meter}: installed on {on}, its dial at {value}</translation>
    </message>
    <message>
        <source>{meter}: installed on {on}; it measured nothing before</source>
        <translation>{meter}: installed on {on}; it measured nothing before</translation>
    </message>
    <message>
        <source>{meter}: its sub meters measured {subs}, more than its own {main}; nothing is shared until the meters are checked</source>
        <translation>{meter}: its sub meters measured {subs}, more than its own {main}; nothing is shared until the meters are checked</translation>
    </message>
    <message>
        <source>{meter}: {shared} to share, but the weights of its basis add up to 0</source>
        <translation>{meter}: {shared} to share, but the weights of its basis add up to 0</translation>
    </message>
    <message>
        <source>{meter}: {shared} to share, but no unit of its basis was connected in this period; nothing is shared</source>
        <translation>{meter}: {shared} to share, but no unit of its basis was connected in this period; nothing is shared</translation>
    </message>
    <message>
        <source>{meter}: unit {unit} is metered by {by} but has no weight in the basis; it gets no share</source>
        <translation>{meter}: unit {unit} is metered by {by} but has no weight in the basis; it gets no share</translation>
    </message>
    <message>
        <source>{meter}: the shared {shared} cannot be priced ({problem})</source>
        <translation>{meter}: the shared {shared} cannot be priced ({problem})</translation>
    </message>
    <message>
        <source>{meter}'s sub meters do not all have its registers ({registers}): the shared consumption is worked out as a total</source>
        <translation>{meter}'s sub meters do not all have its registers ({registers}): the shared consumption is worked out as a total</translation>
    </message>
    <message>
        <source>{old} was replaced by {new} on {on}: {old} measured {old_use} {unit} up to its final reading, {new} {new_use} {unit} from its initial reading; the main meter's consumption is the two, {main} {unit}</source>
        <translation>{old} was replaced by {new} on {on}: {old} measured {old_use} {unit} up to its final reading, {new} {new_use} {unit} from its initial reading; the main meter's consumption is the two, {main} {unit}</translation>
    </message>
    <message>
        <source>{old} was replaced by {new}: {old} measured {old_use} {unit} up to its final reading, {new} {new_use} {unit} from its initial reading; the main meter's consumption is the two, {main} {unit}</source>
        <translation>{old} was replaced by {new}: {old} measured {old_use} {unit} up to its final reading, {new} {new_use} {unit} from its initial reading; the main meter's consumption is the two, {main} {unit}</translation>
    </message>
    <message>
        <source>The shared total is priced over the time-of-use registers as the main meter measured them: {registers}</source>
        <translation>The shared total is priced over the time-of-use registers as the main meter measured them: {registers}</translation>
    </message>
    <message>
        <source>Fall</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Spike</source>
        <translation>Spike</translation>
    </message>
    <message>
        <source>Out of order</source>
        <translation>Out of order</translation>
    </message>
    <message>
        <source>Off the dial</source>
        <translation>Off the dial</translation>
    </message>
    <message>
        <source>Unknown register</source>
        <translation>Unknown register</translation>
    </message>
    <message>
        <source>No readings</source>
        <translation>No readings</translation>
    </message>
    <message>
        <source>No opening reading</source>
        <translation>No opening reading</translation>
    </message>
    <message>
        <source>Not read</source>
        <translation>Not read</translation>
    </message>
    <message>
        <source>No initial reading</source>
        <translation>No initial reading</translation>
    </message>
    <message>
        <source>No final reading</source>
        <translation>No final reading</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installed</translation>
    </message>
    <message>
        <source>Not installed yet</source>
        <translation>Not installed yet</translation>
    </message>
    <message>
        <source>Initial refused</source>
        <translation>Initial refused</translation>
    </message>
    <message>
        <source>Final refused</source>
        <translation>Final refused</translation>
    </message>
    <message>
        <source>Rollover</source>
        <translation>Rollover</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <source>Below zero</source>
        <translation>Below zero</translation>
    </message>
    <message>
        <source>Shared consumption statement (公摊) of {meter}</source>
        <translation>Shared consumption statement (公摊) of {meter}</translation>
    </message>
    <message>
        <source>{utility}, {start} to {last}: each meter from its last reading on or before {start} to its last on or before {end}</source>
        <translation>{utility}, {start} to {last}: each meter from its last reading on or before {start} to its last on or before {end}</translation>
    </message>
    <message>
        <source>Consumption ({unit})</source>
        <translation>Consumption ({unit})</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>Meter</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Σ sub meters</source>
        <translation>Σ sub meters</translation>
    </message>
    <message>
        <source>Main meter ({meters})</source>
        <translation>Main meter ({meters})</translation>
    </message>
    <message>
        <source>Unmetered (main − Σ sub meters): line loss and common use no sub meter sees</source>
        <translation>Unmetered (main − Σ sub meters): line loss and common use no sub meter sees</translation>
    </message>
    <message>
        <source>Common area meters (serving no unit)</source>
        <translation>Common area meters (serving no unit)</translation>
    </message>
    <message>
        <source>Shared (unmetered + common)</source>
        <translation>Shared (unmetered + common)</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Denominator (Σ weights)</source>
        <translation>Denominator (Σ weights)</translation>
    </message>
    <message>
        <source>m²</source>
        <translation>m²</translation>
    </message>
    <message>
        <source>Rate (shared ÷ denominator)</source>
        <translation>Rate (shared ÷ denominator)</translation>
    </message>
    <message>
        <source>{unit} per m²</source>
        <translation>{unit} per m²</translation>
    </message>
    <message>
        <source>{unit} per weight</source>
        <translation>{unit} per weight</translation>
    </message>
    <message>
        <source>Shared charge</source>
        <translation>Shared charge</translation>
    </message>
    <message>
        <source>not priced</source>
        <translation>not priced</translation>
    </message>
    <message>
        <source>the meter has no tariff</source>
        <translation>the meter has no tariff</translation>
    </message>
    <message>
        <source>Not shared (see the flags)</source>
        <translation>Not shared (see the flags)</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>Area (m²)</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Amount ({currency})</source>
        <translation>Amount ({currency})</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Fraction</source>
        <translation>Fraction</translation>
    </message>
    <message>
        <source>Own meters ({unit})</source>
        <translation>Own meters ({unit})</translation>
    </message>
    <message>
        <source>Share ({unit})</source>
        <translation>Share ({unit})</translation>
    </message>
    <message>
        <source>Total use ({unit})</source>
        <translation>Total use ({unit})</translation>
    </message>
    <message>
        <source>All units sharing</source>
        <translation>All units sharing</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>no share: not connected</source>
        <translation>no share: not connected</translation>
    </message>
    <message>
        <source>Adds up: main {main} = Σ sub meters {subs} + unmetered {unmetered}; Σ shares {allocated} = shared {shared}; Σ amounts {charged} = the shared charge {charge}</source>
        <translation>Adds up: main {main} = Σ sub meters {subs} + unmetered {unmetered}; Σ shares {allocated} = shared {shared}; Σ amounts {charged} = the shared charge {charge}</translation>
    </message>
    <message>
        <source>Adds up: main {main} = Σ sub meters {subs} + unmetered {unmetered}; Σ shares {allocated} = shared {shared}</source>
        <translation>Adds up: main {main} = Σ sub meters {subs} + unmetered {unmetered}; Σ shares {allocated} = shared {shared}</translation>
    </message>
    <message>
        <source>Not shared in full: main {main} = Σ sub meters {subs} + unmetered {unmetered}; Σ shares {allocated} of shared {shared}; Σ amounts {charged} of the shared charge {charge}</source>
        <translation>Not shared in full: main {main} = Σ sub meters {subs} + unmetered {unmetered}; Σ shares {allocated} of shared {shared}; Σ amounts {charged} of the shared charge {charge}</translation>
    </message>
    <message>
        <source>Main meter up to {day} (replaced)</source>
        <translation>Main meter up to {day} (replaced)</translation>
    </message>
    <message>
        <source>Main meter (replaced)</source>
        <translation>Main meter (replaced)</translation>
    </message>
    <message>
        <source>Main meter from {day} (replacement)</source>
        <translation>Main meter from {day} (replacement)</translation>
    </message>
    <message>
        <source>Main meter (replacement)</source>
        <translation>Main meter (replacement)</translation>
    </message>
    <message>
        <source>its meter {meter} installed only on {on}</source>
        <translation>its meter {meter} installed only on {on}</translation>
    </message>
    <message>
        <source>its meter {meter} removed on {on}</source>
        <translation>its meter {meter} removed on {on}</translation>
    </message>
    <message>
        <source>{unit} takes no share: not connected in this period ({why})</source>
        <translation>{unit} takes no share: not connected in this period ({why})</translation>
    </message>
</context>
<context>
    <name>MetersFlow</name>
    <message>
        <source>Remove meter</source>
        <translation>Remove meter</translation>
    </message>
    <message>
        <source>Remove meter {code}? It was never read and no bill names it, so it is deleted; its code is not used again.</source>
        <translation>Remove meter {code}? It was never read and no bill names it, so it is deleted; its code is not used again.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Shared statement</source>
        <translation>Shared statement</translation>
    </message>
    <message>
        <source>Meter {code} saved.</source>
        <translation>Meter {code} saved.</translation>
    </message>
    <message>
        <source>{count} readings saved.</source>
        <translation>{count} readings saved.</translation>
    </message>
    <message>
        <source>Readings imported: {added} added, {corrected} corrected.</source>
        <translation>Readings imported: {added} added, {corrected} corrected.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <source>Meter {code} archived: removed on {day}.</source>
        <translation>Meter {code} archived: removed on {day}.</translation>
    </message>
    <message>
        <source>Meter {code} removed.</source>
        <translation>Meter {code} removed.</translation>
    </message>
    <message>
        <source>Meter {code} restored.</source>
        <translation>Meter {code} restored.</translation>
    </message>
</context>
<context>
    <name>MetersWindow</name>
    <message>
        <source>Reading the meters…</source>
        <translation>Reading the meters…</translation>
    </message>
    <message>
        <source>Archive…</source>
        <translation>Archive…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>No {utility} meters yet: add a main meter, then its sub meters and the units' meters under it.</source>
        <translation>No {utility} meters yet: add a main meter, then its sub meters and the units' meters under it.</translation>
    </message>
    <message>
        <source>{utility}, {month}: {count} meters, {flagged} flagged. Use in the month runs from the last reading on or before its first day to the last on or before the next month's first day.</source>
        <translation>{utility}, {month}: {count} meters, {flagged} flagged. Use in the month runs from the last reading on or before its first day to the last on or before the next month's first day.</translation>
    </message>
    <message>
        <source>{count} archived meters are not shown (Show archived lists them).</source>
        <translation>{count} archived meters are not shown (Show archived lists them).</translation>
    </message>
    <message>
        <source>under {parent}</source>
        <translation>under {parent}</translation>
    </message>
    <message>
        <source>a main meter</source>
        <translation>a main meter</translation>
    </message>
    <message>
        <source>bills unit {unit}</source>
        <translation>bills unit {unit}</translation>
    </message>
    <message>
        <source>registers: {registers}</source>
        <translation>registers: {registers}</translation>
    </message>
    <message>
        <source>its dial rolls over at {count}</source>
        <translation>its dial rolls over at {count}</translation>
    </message>
    <message>
        <source>shares its unmetered use {basis}</source>
        <translation>shares its unmetered use {basis}</translation>
    </message>
    <message>
        <source>installed on {day}</source>
        <translation>installed on {day}</translation>
    </message>
    <message>
        <source>replaces {meter}</source>
        <translation>replaces {meter}</translation>
    </message>
    <message>
        <source>replaced by {meter}</source>
        <translation>replaced by {meter}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>A meter that was read is archived, never removed: its readings stay</source>
        <translation>A meter that was read is archived, never removed: its readings stay</translation>
    </message>
    <message>
        <source>Choose a meter with sub meters: its unmetered use is what is shared</source>
        <translation>Choose a meter with sub meters: its unmetered use is what is shared</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>Meter</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Multiplier</source>
        <translation>Multiplier</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>Tariff</translation>
    </message>
    <message>
        <source>Last read</source>
        <translation>Last read</translation>
    </message>
    <message>
        <source>Last reading</source>
        <translation>Last reading</translation>
    </message>
    <message>
        <source>Used in {month} ({unit})</source>
        <translation>Used in {month} ({unit})</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>Meters</translation>
    </message>
    <message>
        <source>Utility:</source>
        <translation>Utility:</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Add meter…</source>
        <translation>Add meter…</translation>
    </message>
    <message>
        <source>Edit meter…</source>
        <translation>Edit meter…</translation>
    </message>
    <message>
        <source>Enter readings…</source>
        <translation>Enter readings…</translation>
    </message>
    <message>
        <source>Import readings…</source>
        <translation>Import readings…</translation>
    </message>
    <message>
        <source>Shared statement (公摊)…</source>
        <translation>Shared statement (公摊)…</translation>
    </message>
    <message>
        <source>Archived: removed on {day}</source>
        <translation>Archived: removed on {day}</translation>
    </message>
    <message>
        <source>Tariffs…</source>
        <translation>Tariffs…</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Show archived</translation>
    </message>
    <message>
        <source>List the meters taken out of service too, greyed, with the day each was removed</source>
        <translation>List the meters taken out of service too, greyed, with the day each was removed</translation>
    </message>
    <message>
        <source>Take the meter out of service from the day it was removed, with its final reading: its readings stay, and it bills up to that day</source>
        <translation>Take the meter out of service from the day it was removed, with its final reading: its readings stay, and it bills up to that day</translation>
    </message>
    <message>
        <source>Put the archived meter back in service: its dial runs on from its final reading</source>
        <translation>Put the archived meter back in service: its dial runs on from its final reading</translation>
    </message>
    <message>
        <source>The utility's tariffs (flat, tiered, time of use) and their versions: add one, or a new price from a day</source>
        <translation>The utility's tariffs (flat, tiered, time of use) and their versions: add one, or a new price from a day</translation>
    </message>
    <message>
        <source>Enter the month-end readings of the meter chosen and every meter under it (of the whole tree when none is chosen)</source>
        <translation>Enter the month-end readings of the meter chosen and every meter under it (of the whole tree when none is chosen)</translation>
    </message>
    <message>
        <source>Import readings from an Excel or CSV file: meter code, day read, reading</source>
        <translation>Import readings from an Excel or CSV file: meter code, day read, reading</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>NewParkDialog</name>
    <message>
        <source>New park</source>
        <translation>New park</translation>
    </message>
    <message>
        <source>A workspace holds a park; floor plans are imported into it. Name the park this workspace is for.</source>
        <translation>A workspace holds a park; floor plans are imported into it. Name the park this workspace is for.</translation>
    </message>
    <message>
        <source>Park name</source>
        <translation>Park name</translation>
    </message>
    <message>
        <source>Park code</source>
        <translation>Park code</translation>
    </message>
    <message>
        <source>e.g. ZD; unit codes start with it</source>
        <translation>e.g. ZD; unit codes start with it</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
</context>
<context>
    <name>PageOptionsDialog</name>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source>Whole stacking plan on one page (labels stay 6 pt or larger)</source>
        <translation>Whole stacking plan on one page (labels stay 6 pt or larger)</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
</context>
<context>
    <name>ParkTree</name>
    <message>
        <source>Park / building / floor</source>
        <translation>Park / building / floor</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
</context>
<context>
    <name>PaymentEntryDialog</name>
    <message>
        <source>Enter a payment</source>
        <translation>Enter a payment</translation>
    </message>
    <message>
        <source>Money received outside a bank statement: cash, a cheque, a transfer to an account whose statements are not imported. With a tenant it pays the tenant's oldest bills first; without one it waits in Payments to match.</source>
        <translation>Money received outside a bank statement: cash, a cheque, a transfer to an account whose statements are not imported. With a tenant it pays the tenant's oldest bills first; without one it waits in Payments to match.</translation>
    </message>
    <message>
        <source>Received on:</source>
        <translation>Received on:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <source>Payer:</source>
        <translation>Payer:</translation>
    </message>
    <message>
        <source>Remarks:</source>
        <translation>Remarks:</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>Tenant:</translation>
    </message>
    <message>
        <source>e.g. 12540.00</source>
        <translation>e.g. 12540.00</translation>
    </message>
    <message>
        <source>What the payer wrote, a bill or contract number</source>
        <translation>What the payer wrote, a bill or contract number</translation>
    </message>
    <message>
        <source>(none: it waits in Payments to match)</source>
        <translation>(none: it waits in Payments to match)</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The amount cannot be read: type it as 1234.56.</source>
        <translation>The amount cannot be read: type it as 1234.56.</translation>
    </message>
    <message>
        <source>A payment is an amount above 0.00.</source>
        <translation>A payment is an amount above 0.00.</translation>
    </message>
</context>
<context>
    <name>PaymentQueue</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Unallocated</source>
        <translation>Unallocated</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>Matching</translation>
    </message>
    <message>
        <source>Best candidate</source>
        <translation>Best candidate</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
</context>
<context>
    <name>PaymentQueuePanel</name>
    <message>
        <source>the payer</source>
        <translation>the payer</translation>
    </message>
    <message>
        <source>Allocate %1 as shown (bills: %2), then refund the remaining %3 to %4? A refund is a ledger entry: it is not undone.</source>
        <translation>Allocate %1 as shown (bills: %2), then refund the remaining %3 to %4? A refund is a ledger entry: it is not undone.</translation>
    </message>
    <message>
        <source>Refund %3 to %4? A refund is a ledger entry: it is not undone.</source>
        <translation>Refund %3 to %4? A refund is a ledger entry: it is not undone.</translation>
    </message>
    <message>
        <source>Refund the remainder</source>
        <translation>Refund the remainder</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1: %2 from %3</source>
        <translation>%1: %2 from %3</translation>
    </message>
    <message>
        <source>(no payer)</source>
        <translation>(no payer)</translation>
    </message>
    <message>
        <source>Remarks: %1</source>
        <translation>Remarks: %1</translation>
    </message>
    <message>
        <source>Bank reference: %1</source>
        <translation>Bank reference: %1</translation>
    </message>
    <message>
        <source>Still to allocate: %1</source>
        <translation>Still to allocate: %1</translation>
    </message>
    <message>
        <source>Not allocated automatically: %1</source>
        <translation>Not allocated automatically: %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>No tenant is proposed: choose one to allocate to, or refund the payment.</source>
        <translation>No tenant is proposed: choose one to allocate to, or refund the payment.</translation>
    </message>
    <message>
        <source>(choose a tenant)</source>
        <translation>(choose a tenant)</translation>
    </message>
    <message>
        <source>Not proposed by matching: the tenant's oldest open bills first.</source>
        <translation>Not proposed by matching: the tenant's oldest open bills first.</translation>
    </message>
    <message>
        <source>Remember “%1” as a name of %2</source>
        <translation>Remember “%1” as a name of %2</translation>
    </message>
    <message>
        <source>%1 (%2 open)</source>
        <translation>%1 (%2 open)</translation>
    </message>
    <message>
        <source>An amount cannot be read: type it as 1234.56.</source>
        <translation>An amount cannot be read: type it as 1234.56.</translation>
    </message>
    <message>
        <source>Allocating %1 of the %2 the payment holds.</source>
        <translation>Allocating %1 of the %2 the payment holds.</translation>
    </message>
    <message>
        <source>That is %1 more than it holds.</source>
        <translation>That is %1 more than it holds.</translation>
    </message>
    <message>
        <source>%1 stays with the payment: refund it, or keep it as credit.</source>
        <translation>%1 stays with the payment: refund it, or keep it as credit.</translation>
    </message>
    <message>
        <source>%1 is owed %2, not %3.</source>
        <translation>%1 is owed %2, not %3.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Who may have paid it (best first):</source>
        <translation>Who may have paid it (best first):</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Allocates</source>
        <translation>Allocates</translation>
    </message>
    <message>
        <source>Left over</source>
        <translation>Left over</translation>
    </message>
    <message>
        <source>Allocate to:</source>
        <translation>Allocate to:</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Bill</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>Allocate</translation>
    </message>
    <message>
        <source>Add bill</source>
        <translation>Add bill</translation>
    </message>
    <message>
        <source>Remove bill</source>
        <translation>Remove bill</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Reading the payments…</source>
        <translation>Reading the payments…</translation>
    </message>
    <message>
        <source>Open a workspace to see its payments.</source>
        <translation>Open a workspace to see its payments.</translation>
    </message>
    <message>
        <source>Every payment is allocated: nothing to match.</source>
        <translation>Every payment is allocated: nothing to match.</translation>
    </message>
    <message>
        <source>Payments to match: %1, %2 not allocated.</source>
        <translation>Payments to match: %1, %2 not allocated.</translation>
    </message>
    <message>
        <source>Refund %1…</source>
        <translation>Refund %1…</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Refund…</translation>
    </message>
</context>
<context>
    <name>PaymentText</name>
    <message>
        <source>allocated automatically</source>
        <translation>allocated automatically</translation>
    </message>
    <message>
        <source>to confirm</source>
        <translation>to confirm</translation>
    </message>
    <message>
        <source>unmatched</source>
        <translation>unmatched</translation>
    </message>
    <message>
        <source>the payer is {name}, the tenant's name</source>
        <translation>the payer is {name}, the tenant's name</translation>
    </message>
    <message>
        <source>the payer is {alias}, a name confirmed for the tenant</source>
        <translation>the payer is {alias}, a name confirmed for the tenant</translation>
    </message>
    <message>
        <source>the payer {payer} is the name of {tenants} tenants</source>
        <translation>the payer {payer} is the name of {tenants} tenants</translation>
    </message>
    <message>
        <source>the payer is {name}, the tenant's short name</source>
        <translation>the payer is {name}, the tenant's short name</translation>
    </message>
    <message>
        <source>the payer {payer} is like {name} ({similarity} of their character pairs in common)</source>
        <translation>the payer {payer} is like {name} ({similarity} of their character pairs in common)</translation>
    </message>
    <message>
        <source>the payer {payer} is not the tenant's name</source>
        <translation>the payer {payer} is not the tenant's name</translation>
    </message>
    <message>
        <source>the payer {payer} is no tenant's name</source>
        <translation>the payer {payer} is no tenant's name</translation>
    </message>
    <message>
        <source>the payer is neither the tenant's name nor a name confirmed for it</source>
        <translation>the payer is neither the tenant's name nor a name confirmed for it</translation>
    </message>
    <message>
        <source>the remarks name bill {bills}</source>
        <translation>the remarks name bill {bills}</translation>
    </message>
    <message>
        <source>the remarks name contract {contracts}</source>
        <translation>the remarks name contract {contracts}</translation>
    </message>
    <message>
        <source>the remarks also name {contract}, another tenant's contract</source>
        <translation>the remarks also name {contract}, another tenant's contract</translation>
    </message>
    <message>
        <source>the remarks name another tenant's contract</source>
        <translation>the remarks name another tenant's contract</translation>
    </message>
    <message>
        <source>the remarks name bill {bill}, which is not open (paid already?)</source>
        <translation>the remarks name bill {bill}, which is not open (paid already?)</translation>
    </message>
    <message>
        <source>the remarks name a bill that is not open</source>
        <translation>the remarks name a bill that is not open</translation>
    </message>
    <message>
        <source>the remarks name no bill and no contract</source>
        <translation>the remarks name no bill and no contract</translation>
    </message>
    <message>
        <source>the amount pays {bills} bills exactly</source>
        <translation>the amount pays {bills} bills exactly</translation>
    </message>
    <message>
        <source>the amount pays the bill exactly</source>
        <translation>the amount pays the bill exactly</translation>
    </message>
    <message>
        <source>{short} short of the bill's {expected}</source>
        <translation>{short} short of the bill's {expected}</translation>
    </message>
    <message>
        <source>pays {bills} bills whole and {bill} in part ({left} left on it)</source>
        <translation>pays {bills} bills whole and {bill} in part ({left} left on it)</translation>
    </message>
    <message>
        <source>pays one bill whole and {bill} in part ({left} left on it)</source>
        <translation>pays one bill whole and {bill} in part ({left} left on it)</translation>
    </message>
    <message>
        <source>pays {bills} bills whole, with {remainder} over</source>
        <translation>pays {bills} bills whole, with {remainder} over</translation>
    </message>
    <message>
        <source>pays the bill whole, with {remainder} over</source>
        <translation>pays the bill whole, with {remainder} over</translation>
    </message>
    <message>
        <source>the tenant has no open bill: {remainder} has nowhere to go</source>
        <translation>the tenant has no open bill: {remainder} has nowhere to go</translation>
    </message>
    <message>
        <source>only the amount: {amount} is exactly what this tenant owes on a bill</source>
        <translation>only the amount: {amount} is exactly what this tenant owes on a bill</translation>
    </message>
    <message>
        <source>only the amount points at a tenant</source>
        <translation>only the amount points at a tenant</translation>
    </message>
    <message>
        <source>the amount does not pay whole bills exactly</source>
        <translation>the amount does not pay whole bills exactly</translation>
    </message>
    <message>
        <source>the amount {amount} is not above zero</source>
        <translation>the amount {amount} is not above zero</translation>
    </message>
    <message>
        <source>{tenants} tenants owe exactly this amount</source>
        <translation>{tenants} tenants owe exactly this amount</translation>
    </message>
    <message>
        <source>no open bill is of {amount}</source>
        <translation>no open bill is of {amount}</translation>
    </message>
    <message>
        <source>{count} tenants may have paid it</source>
        <translation>{count} tenants may have paid it</translation>
    </message>
    <message>
        <source>row {line}: paid out {amount}, not a receipt</source>
        <translation>row {line}: paid out {amount}, not a receipt</translation>
    </message>
    <message>
        <source>row {line}: cannot read the date “{value}”</source>
        <translation>row {line}: cannot read the date “{value}”</translation>
    </message>
    <message>
        <source>row {line}: no date</source>
        <translation>row {line}: no date</translation>
    </message>
    <message>
        <source>row {line}: cannot read the amount “{value}” ({column})</source>
        <translation>row {line}: cannot read the amount “{value}” ({column})</translation>
    </message>
    <message>
        <source>row {line}: no amount</source>
        <translation>row {line}: no amount</translation>
    </message>
    <message>
        <source>row {line}: an amount of 0</source>
        <translation>row {line}: an amount of 0</translation>
    </message>
    <message>
        <source>row {line}: the amount {value} has a fraction of a cent</source>
        <translation>row {line}: the amount {value} has a fraction of a cent</translation>
    </message>
    <message>
        <source>row {line}: both a debit ({debit}) and a credit ({credit})</source>
        <translation>row {line}: both a debit ({debit}) and a credit ({credit})</translation>
    </message>
    <message>
        <source>row {line}: cannot read the debit/credit flag “{value}”</source>
        <translation>row {line}: cannot read the debit/credit flag “{value}”</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Amount (signed: received &gt; 0)</source>
        <translation>Amount (signed: received &gt; 0)</translation>
    </message>
    <message>
        <source>Received (credit)</source>
        <translation>Received (credit)</translation>
    </message>
    <message>
        <source>Paid out (debit)</source>
        <translation>Paid out (debit)</translation>
    </message>
    <message>
        <source>Debit/credit flag</source>
        <translation>Debit/credit flag</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Payer's account</source>
        <translation>Payer's account</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>Bank reference</source>
        <translation>Bank reference</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>bill {bill} asks {lines}: {allocated} allocated to it in all would pay {over} too much</source>
        <translation>bill {bill} asks {lines}: {allocated} allocated to it in all would pay {over} too much</translation>
    </message>
    <message>
        <source>the payment has {unallocated} left: a part of {amount} is more than it holds</source>
        <translation>the payment has {unallocated} left: a part of {amount} is more than it holds</translation>
    </message>
    <message>
        <source>an amount allocated to a bill cannot be below 0.00</source>
        <translation>an amount allocated to a bill cannot be below 0.00</translation>
    </message>
    <message>
        <source>a bill allocated to was not found</source>
        <translation>a bill allocated to was not found</translation>
    </message>
    <message>
        <source>amounts are in cents, not {amount}</source>
        <translation>amounts are in cents, not {amount}</translation>
    </message>
    <message>
        <source>{points}  {reason}</source>
        <translation>{points}  {reason}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>The tenant was not found</source>
        <translation>The tenant was not found</translation>
    </message>
    <message>
        <source>The allocation is refused: {why}</source>
        <translation>The allocation is refused: {why}</translation>
    </message>
</context>
<context>
    <name>PaymentsDock</name>
    <message>
        <source>Payments to match</source>
        <translation>Payments to match</translation>
    </message>
</context>
<context>
    <name>PaymentsFlow</name>
    <message>
        <source>Bank statement not imported: %1</source>
        <translation>Bank statement not imported: %1</translation>
    </message>
    <message>
        <source>Bank statement imported. New payments: %1; allocated automatically: %2.</source>
        <translation>Bank statement imported. New payments: %1; allocated automatically: %2.</translation>
    </message>
    <message>
        <source>Allocated %1 (bills: %2).</source>
        <translation>Allocated %1 (bills: %2).</translation>
    </message>
    <message>
        <source>The payer's name is remembered for the tenant.</source>
        <translation>The payer's name is remembered for the tenant.</translation>
    </message>
    <message>
        <source>Refunded %1.</source>
        <translation>Refunded %1.</translation>
    </message>
    <message>
        <source>Payment entered: %1 from %2</source>
        <translation>Payment entered: %1 from %2</translation>
    </message>
    <message>
        <source>(no payer)</source>
        <translation>(no payer)</translation>
    </message>
</context>
<context>
    <name>PipelineBoard</name>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>&amp;Move to</source>
        <translation>&amp;Move to</translation>
    </message>
    <message>
        <source>%1 · %2–%3 m²</source>
        <translation>%1 · %2–%3 m²</translation>
    </message>
    <message>
        <source>Lost: %1</source>
        <translation>Lost: %1</translation>
    </message>
    <message>
        <source>Quote: %1 in year 1</source>
        <translation>Quote: %1 in year 1</translation>
    </message>
    <message>
        <source>Budget %1 /m²·month</source>
        <translation>Budget %1 /m²·month</translation>
    </message>
    <message>
        <source>No budget given</source>
        <translation>No budget given</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>no owner</source>
        <translation>no owner</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation>Contact: %1</translation>
    </message>
    <message>
        <source>Industry: %1</source>
        <translation>Industry: %1</translation>
    </message>
    <message>
        <source>Move in by %1</source>
        <translation>Move in by %1</translation>
    </message>
    <message>
        <source>Expected a year: %1</source>
        <translation>Expected a year: %1</translation>
    </message>
    <message>
        <source>%1% · %2</source>
        <translation>%1% · %2</translation>
    </message>
    <message>
        <source>The leads' expected value in a year, %1 in all, weighted by the stage's probability of closing, %2%</source>
        <translation>The leads' expected value in a year, %1 in all, weighted by the stage's probability of closing, %2%</translation>
    </message>
    <message>
        <source>%1 open leads, %2 weighted</source>
        <translation>%1 open leads, %2 weighted</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>&amp;New lead…</source>
        <translation>&amp;New lead…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
</context>
<context>
    <name>PipelineFlow</name>
    <message>
        <source>Pipeline not opened</source>
        <translation>Pipeline not opened</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Lead lost</source>
        <translation>Lead lost</translation>
    </message>
    <message>
        <source>Why was the lead lost?</source>
        <translation>Why was the lead lost?</translation>
    </message>
    <message>
        <source>%1 moved to %2.</source>
        <translation>%1 moved to %2.</translation>
    </message>
    <message>
        <source>Reading the lead…</source>
        <translation>Reading the lead…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Draft contract %1 made for the new tenant %2, made from the lead.</source>
        <translation>Draft contract %1 made for the new tenant %2, made from the lead.</translation>
    </message>
    <message>
        <source>Draft contract %1 made for %2.</source>
        <translation>Draft contract %1 made for %2.</translation>
    </message>
    <message>
        <source>&amp;Pipeline board</source>
        <translation>&amp;Pipeline board</translation>
    </message>
    <message>
        <source>New &amp;lead…</source>
        <translation>New &amp;lead…</translation>
    </message>
</context>
<context>
    <name>PipelineText</name>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>In contact</source>
        <translation>In contact</translation>
    </message>
    <message>
        <source>Negotiating</source>
        <translation>Negotiating</translation>
    </message>
    <message>
        <source>Quoted</source>
        <translation>Quoted</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>{area} m², inside the {min}–{max} m² asked</source>
        <translation>{area} m², inside the {min}–{max} m² asked</translation>
    </message>
    <message>
        <source>{area} m², {short}% under the least {min} m² asked</source>
        <translation>{area} m², {short}% under the least {min} m² asked</translation>
    </message>
    <message>
        <source>{area} m², {over}% over the most {max} m² asked</source>
        <translation>{area} m², {over}% over the most {max} m² asked</translation>
    </message>
    <message>
        <source>no budget given</source>
        <translation>no budget given</translation>
    </message>
    <message>
        <source>no asking rent set (budget {budget} per m² a month)</source>
        <translation>no asking rent set (budget {budget} per m² a month)</translation>
    </message>
    <message>
        <source>asking {asking} per m² a month, within the budget {budget}</source>
        <translation>asking {asking} per m² a month, within the budget {budget}</translation>
    </message>
    <message>
        <source>asking {asking} per m² a month, {over}% over the budget {budget}</source>
        <translation>asking {asking} per m² a month, {over}% over the budget {budget}</translation>
    </message>
    <message>
        <source>any type will do</source>
        <translation>any type will do</translation>
    </message>
    <message>
        <source>{type}, as asked</source>
        <translation>{type}, as asked</translation>
    </message>
    <message>
        <source>{found}, not the {wanted} asked ({share}% of the area is)</source>
        <translation>{found}, not the {wanted} asked ({share}% of the area is)</translation>
    </message>
    <message>
        <source>no features asked for</source>
        <translation>no features asked for</translation>
    </message>
    <message>
        <source>has {present}, as asked</source>
        <translation>has {present}, as asked</translation>
    </message>
    <message>
        <source>has {present}; lacks {missing}</source>
        <translation>has {present}; lacks {missing}</translation>
    </message>
    <message>
        <source>lacks {missing}</source>
        <translation>lacks {missing}</translation>
    </message>
    <message>
        <source>free from {from}, in time for {by}</source>
        <translation>free from {from}, in time for {by}</translation>
    </message>
    <message>
        <source>free from {from}, {days} days after {by}</source>
        <translation>free from {from}, {days} days after {by}</translation>
    </message>
    <message>
        <source>{count} more units to join into one</source>
        <translation>{count} more units to join into one</translation>
    </message>
    <message>
        <source>Name the company.</source>
        <translation>Name the company.</translation>
    </message>
    <message>
        <source>The least area must be above zero.</source>
        <translation>The least area must be above zero.</translation>
    </message>
    <message>
        <source>The most area ({max} m²) is below the least ({min} m²).</source>
        <translation>The most area ({max} m²) is below the least ({min} m²).</translation>
    </message>
    <message>
        <source>A budget must be above zero; leave it empty when none was given.</source>
        <translation>A budget must be above zero; leave it empty when none was given.</translation>
    </message>
    <message>
        <source>Say why the lead was lost.</source>
        <translation>Say why the lead was lost.</translation>
    </message>
    <message>
        <source>{lead} cannot move from {from_stage} to {to_stage}.</source>
        <translation>{lead} cannot move from {from_stage} to {to_stage}.</translation>
    </message>
    <message>
        <source>{lead} has been {stage} since {stage_on}: it cannot move on {on}, before that.</source>
        <translation>{lead} has been {stage} since {stage_on}: it cannot move on {on}, before that.</translation>
    </message>
    <message>
        <source>{lead} is {stage}: only an open lead is quoted.</source>
        <translation>{lead} is {stage}: only an open lead is quoted.</translation>
    </message>
    <message>
        <source>Quote {quote} is {status}: only an open quote becomes a draft contract.</source>
        <translation>Quote {quote} is {status}: only an open quote becomes a draft contract.</translation>
    </message>
    <message>
        <source>{unit} is not vacant on {on} ({status}).</source>
        <translation>{unit} is not vacant on {on} ({status}).</translation>
    </message>
    <message>
        <source>That lead is no longer in this workspace.</source>
        <translation>That lead is no longer in this workspace.</translation>
    </message>
    <message>
        <source>That quote is no longer in this workspace.</source>
        <translation>That quote is no longer in this workspace.</translation>
    </message>
    <message>
        <source>The workspace has no park.</source>
        <translation>The workspace has no park.</translation>
    </message>
    <message>
        <source>The probability of {stage} must lie between 0 and 100%, not {value}.</source>
        <translation>The probability of {stage} must lie between 0 and 100%, not {value}.</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>{points}  {reason}</source>
        <translation>{points}  {reason}</translation>
    </message>
</context>
<context>
    <name>PriceIndexDialog</name>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>CPI</source>
        <translation>CPI</translation>
    </message>
    <message>
        <source>Change on the year before</source>
        <translation>Change on the year before</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>not entered</translation>
    </message>
    <message>
        <source>Saving the CPI of %1…</source>
        <translation>Saving the CPI of %1…</translation>
    </message>
    <message>
        <source>%1: “%2” is not an index above 0.</source>
        <translation>%1: “%2” is not an index above 0.</translation>
    </message>
    <message>
        <source>%1 not entered: 1 CPI contract bills its floor until it is.</source>
        <translation>%1 not entered: 1 CPI contract bills its floor until it is.</translation>
    </message>
    <message>
        <source>%1 not entered: %2 CPI contracts bill their floor until it is.</source>
        <translation>%1 not entered: %2 CPI contracts bill their floor until it is.</translation>
    </message>
    <message>
        <source>No CPI contract waits for a year not entered.</source>
        <translation>No CPI contract waits for a year not entered.</translation>
    </message>
    <message>
        <source>Price index (CPI)</source>
        <translation>Price index (CPI)</translation>
    </message>
    <message>
        <source>The park's consumer price index by year. CPI clauses adjust the rent by a year's change; a year not entered bills at the floor, and a correction follows once it is entered.</source>
        <translation>The park's consumer price index by year. CPI clauses adjust the rent by a year's change; a year not entered bills at the floor, and a correction follows once it is entered.</translation>
    </message>
    <message>
        <source>Add year</source>
        <translation>Add year</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>{file}: no such file</source>
        <translation>{file}: no such file</translation>
    </message>
    <message>
        <source>{file} is not a DXF, DWG or IFC file; Leasemap imports floor plans in those three formats</source>
        <translation>{file} is not a DXF, DWG or IFC file; Leasemap imports floor plans in those three formats</translation>
    </message>
    <message>
        <source>{file}: cannot open the file ({detail})</source>
        <translation>{file}: cannot open the file ({detail})</translation>
    </message>
    <message>
        <source>{file}: the file is empty</source>
        <translation>{file}: the file is empty</translation>
    </message>
    <message>
        <source>{file}: not a DXF file (no SECTION/group-code structure)</source>
        <translation>{file}: not a DXF file (no SECTION/group-code structure)</translation>
    </message>
    <message>
        <source>{file}: cannot read the file ({detail})</source>
        <translation>{file}: cannot read the file ({detail})</translation>
    </message>
    <message>
        <source>{file}: damaged or truncated DXF, nothing could be recovered</source>
        <translation>{file}: damaged or truncated DXF, nothing could be recovered</translation>
    </message>
    <message>
        <source>{file}: not a readable DXF ({cause}; recover: {detail})</source>
        <translation>{file}: not a readable DXF ({cause}; recover: {detail})</translation>
    </message>
    <message>
        <source>{file}: the {format} file could not be read ({detail})</source>
        <translation>{file}: the {format} file could not be read ({detail})</translation>
    </message>
    <message>
        <source>{file}: could not be interpreted ({detail})</source>
        <translation>{file}: could not be interpreted ({detail})</translation>
    </message>
    <message>
        <source>{file}: Leasemap hit an internal error while reading the file ({detail}); this is a bug, not a problem with the drawing: the details are in the log</source>
        <translation>{file}: Leasemap hit an internal error while reading the file ({detail}); this is a bug, not a problem with the drawing: the details are in the log</translation>
    </message>
    <message>
        <source>{file} has no EOF marker: it may be truncated, so the drawing may be incomplete</source>
        <translation>{file} has no EOF marker: it may be truncated, so the drawing may be incomplete</translation>
    </message>
    <message>
        <source>{file} is damaged ({detail}); read it in recover mode</source>
        <translation>{file} is damaged ({detail}); read it in recover mode</translation>
    </message>
    <message>
        <source>{file} is a DWG {version} ({release}), which Leasemap cannot read: save it as DXF, or as a DWG of AutoCAD 2000 to 2018</source>
        <translation>{file} is a DWG {version} ({release}), which Leasemap cannot read: save it as DXF, or as a DWG of AutoCAD 2000 to 2018</translation>
    </message>
    <message>
        <source>{file} is a DWG {version} newer than AutoCAD 2018, which Leasemap cannot read: save it as DXF, or as a DWG of AutoCAD 2000 to 2018</source>
        <translation>{file} is a DWG {version} newer than AutoCAD 2018, which Leasemap cannot read: save it as DXF, or as a DWG of AutoCAD 2000 to 2018</translation>
    </message>
    <message>
        <source>{file}: reading DWG needs the ezdwg package, which is not installed (pip install ezdwg); or save the drawing as DXF</source>
        <translation>{file}: reading DWG needs the ezdwg package, which is not installed (pip install ezdwg); or save the drawing as DXF</translation>
    </message>
    <message>
        <source>{file}: the DWG file is damaged and could not be read ({detail}); open it in CAD and save it again, or save it as DXF</source>
        <translation>{file}: the DWG file is damaged and could not be read ({detail}); open it in CAD and save it again, or save it as DXF</translation>
    </message>
    <message>
        <source>{file}: read as a DWG {release} ({version}), converted to DXF</source>
        <translation>{file}: read as a DWG {release} ({version}), converted to DXF</translation>
    </message>
    <message>
        <source>{file}: read as a DWG {release} ({version}), converted to DXF; {count} objects could not be converted ({kinds})</source>
        <translation>{file}: read as a DWG {release} ({version}), converted to DXF; {count} objects could not be converted ({kinds})</translation>
    </message>
    <message>
        <source>{file} holds {count} objects of a vertical product that a plain DXF reader cannot see ({kinds}): its walls and rooms may be among them. Export a plain drawing (TArch: “Save as T3” / 导出T3) and import that.</source>
        <translation>{file} holds {count} objects of a vertical product that a plain DXF reader cannot see ({kinds}): its walls and rooms may be among them. Export a plain drawing (TArch: “Save as T3” / 导出T3) and import that.</translation>
    </message>
    <message>
        <source>{file}: only {rooms} rooms were found beside {count} objects of a vertical product that a plain DXF reader cannot see ({kinds}). Export a plain drawing (TArch: “Save as T3” / 导出T3) and import that.</source>
        <translation>{file}: only {rooms} rooms were found beside {count} objects of a vertical product that a plain DXF reader cannot see ({kinds}). Export a plain drawing (TArch: “Save as T3” / 导出T3) and import that.</translation>
    </message>
    <message>
        <source>DXF audit: {detail}</source>
        <translation>DXF audit: {detail}</translation>
    </message>
    <message>
        <source>… and {count} more audit findings</source>
        <translation>… and {count} more audit findings</translation>
    </message>
    <message>
        <source>skipped a damaged {kind}</source>
        <translation>skipped a damaged {kind}</translation>
    </message>
    <message>
        <source>blocks nested too deeply: inner ones skipped</source>
        <translation>blocks nested too deeply: inner ones skipped</translation>
    </message>
    <message>
        <source>{count} layers — rooms: {rooms}; walls: {walls}; labels: {labels}; outline: {outline}; background: {background}; ignored: {ignore}</source>
        <translation>{count} layers — rooms: {rooms}; walls: {walls}; labels: {labels}; outline: {outline}; background: {background}; ignored: {ignore}</translation>
    </message>
    <message>
        <source>{count} block references exploded</source>
        <translation>{count} block references exploded</translation>
    </message>
    <message>
        <source>the drawing's header names no unit; its size says {unit}: taken as {unit}</source>
        <translation>the drawing's header names no unit; its size says {unit}: taken as {unit}</translation>
    </message>
    <message>
        <source>unknown drawing unit '{unit}'; choose one of {choices}</source>
        <translation>unknown drawing unit '{unit}'; choose one of {choices}</translation>
    </message>
    <message>
        <source>{count} rooms from closed outlines on room layers; {dropped} faces dropped</source>
        <translation>{count} rooms from closed outlines on room layers; {dropped} faces dropped</translation>
    </message>
    <message>
        <source>{count} rooms from faces of wall linework ({gaps} gaps up to {gap} m bridged); {dropped} faces dropped</source>
        <translation>{count} rooms from faces of wall linework ({gaps} gaps up to {gap} m bridged); {dropped} faces dropped</translation>
    </message>
    <message>
        <source>background linework simplified to keep the drawing fast</source>
        <translation>background linework simplified to keep the drawing fast</translation>
    </message>
    <message>
        <source>split into {count} floors by paper-space layouts; {named} named from the drawing; rooms per floor: {floors}</source>
        <translation>split into {count} floors by paper-space layouts; {named} named from the drawing; rooms per floor: {floors}</translation>
    </message>
    <message>
        <source>split into {count} floors by title frames; {named} named from the drawing; rooms per floor: {floors}</source>
        <translation>split into {count} floors by title frames; {named} named from the drawing; rooms per floor: {floors}</translation>
    </message>
    <message>
        <source>split into {count} floors by separate clusters of rooms; {named} named from the drawing; rooms per floor: {floors}</source>
        <translation>split into {count} floors by separate clusters of rooms; {named} named from the drawing; rooms per floor: {floors}</translation>
    </message>
    <message>
        <source>{file}: cannot be opened ({detail})</source>
        <translation>{file}: cannot be opened ({detail})</translation>
    </message>
    <message>
        <source>{file}: cannot be read as IFC ({detail})</source>
        <translation>{file}: cannot be read as IFC ({detail})</translation>
    </message>
    <message>
        <source>{file}: is a zip (ifcZIP); unzip it and import the .ifc</source>
        <translation>{file}: is a zip (ifcZIP); unzip it and import the .ifc</translation>
    </message>
    <message>
        <source>{file}: is ifcXML, not an IFC STEP file; export as .ifc</source>
        <translation>{file}: is ifcXML, not an IFC STEP file; export as .ifc</translation>
    </message>
    <message>
        <source>{file}: not an IFC STEP file; export as .ifc</source>
        <translation>{file}: not an IFC STEP file; export as .ifc</translation>
    </message>
    <message>
        <source>{file}: the file is damaged and could not be read ({detail})</source>
        <translation>{file}: the file is damaged and could not be read ({detail})</translation>
    </message>
    <message>
        <source>{file}: schema {schema} is not supported; export as IFC2X3, IFC4 or IFC4X3</source>
        <translation>{file}: schema {schema} is not supported; export as IFC2X3, IFC4 or IFC4X3</translation>
    </message>
    <message>
        <source>{file}: no rooms (IfcSpace) found; floors are imported without units</source>
        <translation>{file}: no rooms (IfcSpace) found; floors are imported without units</translation>
    </message>
    <message>
        <source>{file}: no storeys (IfcBuildingStorey) found</source>
        <translation>{file}: no storeys (IfcBuildingStorey) found</translation>
    </message>
    <message>
        <source>storey {id} has no name; called '{name}'</source>
        <translation>storey {id} has no name; called '{name}'</translation>
    </message>
    <message>
        <source>storey '{name}' ({id}) states no elevation; it is listed after the others</source>
        <translation>storey '{name}' ({id}) states no elevation; it is listed after the others</translation>
    </message>
    <message>
        <source>space '{space}' (GlobalId {id}) is not in any storey; not imported</source>
        <translation>space '{space}' (GlobalId {id}) is not in any storey; not imported</translation>
    </message>
    <message>
        <source>space '{space}' (GlobalId {id}) has no usable geometry; not imported</source>
        <translation>space '{space}' (GlobalId {id}) has no usable geometry; not imported</translation>
    </message>
    <message>
        <source>space '{space}': computed {computed} m² differs from stated {stated} m² by {percent} %</source>
        <translation>space '{space}': computed {computed} m² differs from stated {stated} m² by {percent} %</translation>
    </message>
    <message>
        <source>{count} GlobalIds are used more than once ({ids}); the first space or storey keeps its GlobalId as key, later ones get '#2', '#3' …</source>
        <translation>{count} GlobalIds are used more than once ({ids}); the first space or storey keeps its GlobalId as key, later ones get '#2', '#3' …</translation>
    </message>
    <message>
        <source>space '{space}' (GlobalId {id}) repeats a GlobalId already used; imported with key {key}</source>
        <translation>space '{space}' (GlobalId {id}) repeats a GlobalId already used; imported with key {key}</translation>
    </message>
    <message>
        <source>the project declares no area unit; stated areas taken in ({unit})²</source>
        <translation>the project declares no area unit; stated areas taken in ({unit})²</translation>
    </message>
    <message>
        <source>{count} names hold raw 8-bit text that could not be decoded; kept</source>
        <translation>{count} names hold raw 8-bit text that could not be decoded; kept</translation>
    </message>
    <message>
        <source>{count} names held raw {encoding} bytes instead of STEP escapes; decoded</source>
        <translation>{count} names held raw {encoding} bytes instead of STEP escapes; decoded</translation>
    </message>
    <message>
        <source>{count} walls need the geometry kernel; skipped to keep the import fast (limit {limit}), so they are missing from the background</source>
        <translation>{count} walls need the geometry kernel; skipped to keep the import fast (limit {limit}), so they are missing from the background</translation>
    </message>
    <message>
        <source>zone '{zone}' on {floor}: its spaces do not touch; the unit is in several pieces</source>
        <translation>zone '{zone}' on {floor}: its spaces do not touch; the unit is in several pieces</translation>
    </message>
    <message>
        <source>zone '{zone}': its spaces do not touch; the unit is in several pieces</source>
        <translation>zone '{zone}': its spaces do not touch; the unit is in several pieces</translation>
    </message>
    <message>
        <source>no spaces belong to an IfcZone</source>
        <translation>no spaces belong to an IfcZone</translation>
    </message>
    <message>
        <source>room {room} on {floor} ({area} m²): nothing in the drawing says whether it is common area; imported as leasable</source>
        <translation>room {room} on {floor} ({area} m²): nothing in the drawing says whether it is common area; imported as leasable</translation>
    </message>
    <message>
        <source>an unlabelled room of {area} m² on {floor}: nothing in the drawing says whether it is common area; imported as leasable</source>
        <translation>an unlabelled room of {area} m² on {floor}: nothing in the drawing says whether it is common area; imported as leasable</translation>
    </message>
    <message>
        <source>Neither the name nor the title of {file} says which floor it is: enter its level.</source>
        <translation>Neither the name nor the title of {file} says which floor it is: enter its level.</translation>
    </message>
    <message>
        <source>{file} names the roof (“{word}”), which is not a level: enter its level.</source>
        <translation>{file} names the roof (“{word}”), which is not a level: enter its level.</translation>
    </message>
    <message>
        <source>“{text}” names two floors, “{first}” (level {first_level}) and “{second}” (level {second_level}): enter the right level.</source>
        <translation>“{text}” names two floors, “{first}” (level {first_level}) and “{second}” (level {second_level}): enter the right level.</translation>
    </message>
    <message>
        <source>The file name {file} says level {first_level} but the drawing's title “{text}” says level {second_level}: enter the right level.</source>
        <translation>The file name {file} says level {first_level} but the drawing's title “{text}” says level {second_level}: enter the right level.</translation>
    </message>
    <message>
        <source>{file} has {count} floors and no level in the title of {floors}: enter each floor's level.</source>
        <translation>{file} has {count} floors and no level in the title of {floors}: enter each floor's level.</translation>
    </message>
    <message>
        <source>{given} levels were given but {file} has {count} floors ({floors}).</source>
        <translation>{given} levels were given but {file} has {count} floors ({floors}).</translation>
    </message>
    <message>
        <source>Floors “{first}” and “{second}” would both be level {level}: give each floor its own level.</source>
        <translation>Floors “{first}” and “{second}” would both be level {level}: give each floor its own level.</translation>
    </message>
    <message>
        <source>One level was given but {file} has {count} floors: give each floor its level.</source>
        <translation>One level was given but {file} has {count} floors: give each floor its level.</translation>
    </message>
    <message>
        <source>closed outline on room layer {layer}</source>
        <translation>closed outline on room layer {layer}</translation>
    </message>
    <message>
        <source>closed outline on room layer {layer} with a label</source>
        <translation>closed outline on room layer {layer} with a label</translation>
    </message>
    <message>
        <source>the only closed outline on layer {layer}</source>
        <translation>the only closed outline on layer {layer}</translation>
    </message>
    <message>
        <source>face of wall linework, no label</source>
        <translation>face of wall linework, no label</translation>
    </message>
    <message>
        <source>face of wall linework with a label</source>
        <translation>face of wall linework with a label</translation>
    </message>
    <message>
        <source>extrusion profile</source>
        <translation>extrusion profile</translation>
    </message>
    <message>
        <source>2D footprint</source>
        <translation>2D footprint</translation>
    </message>
    <message>
        <source>geometry kernel</source>
        <translation>geometry kernel</translation>
    </message>
    <message>
        <source>IfcZone of {count} spaces</source>
        <translation>IfcZone of {count} spaces</translation>
    </message>
    <message>
        <source>leasable</source>
        <translation>leasable</translation>
    </message>
    <message>
        <source>common</source>
        <translation>common</translation>
    </message>
    <message>
        <source>building common</source>
        <translation>building common</translation>
    </message>
    <message>
        <source>the label says “{word}”</source>
        <translation>the label says “{word}”</translation>
    </message>
    <message>
        <source>the name says “{word}”</source>
        <translation>the name says “{word}”</translation>
    </message>
    <message>
        <source>the long name says “{word}”</source>
        <translation>the long name says “{word}”</translation>
    </message>
    <message>
        <source>the object type says “{word}”</source>
        <translation>the object type says “{word}”</translation>
    </message>
    <message>
        <source>classified as “{word}”</source>
        <translation>classified as “{word}”</translation>
    </message>
    <message>
        <source>the layer's name says “{word}”</source>
        <translation>the layer's name says “{word}”</translation>
    </message>
    <message>
        <source>only a room number (“{word}”)</source>
        <translation>only a room number (“{word}”)</translation>
    </message>
    <message>
        <source>nothing in the drawing says; check it</source>
        <translation>nothing in the drawing says; check it</translation>
    </message>
    <message>
        <source>set by hand</source>
        <translation>set by hand</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>{reason} (very small)</source>
        <translation>{reason} (very small)</translation>
    </message>
    <message>
        <source>{use} ({why})</source>
        <translation>{use} ({why})</translation>
    </message>
    <message>
        <source>check: {message}</source>
        <translation>check: {message}</translation>
    </message>
    <message>
        <source>label '{label}' states {stated} m² but its outline measures {computed} m²</source>
        <translation>label '{label}' states {stated} m² but its outline measures {computed} m²</translation>
    </message>
    <message>
        <source>the drawing's header says {said}; its size says {unit}: taken as {unit}</source>
        <translation>the drawing's header says {said}; its size says {unit}: taken as {unit}</translation>
    </message>
    <message>
        <source>drawing units set to {unit} by hand</source>
        <translation>drawing units set to {unit} by hand</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>File Folder</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 File</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Drive</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Shortcut</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>QuoteEditor</name>
    <message>
        <source>The term ends before it starts.</source>
        <translation>The term ends before it starts.</translation>
    </message>
    <message>
        <source>Give a rate above zero.</source>
        <translation>Give a rate above zero.</translation>
    </message>
    <message>
        <source>%1 per m² a month</source>
        <translation>%1 per m² a month</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>%1 (%2 m²)</source>
        <translation>%1 (%2 m²)</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Term starts</source>
        <translation>Term starts</translation>
    </message>
    <message>
        <source>Term ends</source>
        <translation>Term ends</translation>
    </message>
    <message>
        <source>Rate per m² a month</source>
        <translation>Rate per m² a month</translation>
    </message>
    <message>
        <source>Rent-free months</source>
        <translation>Rent-free months</translation>
    </message>
    <message>
        <source>Escalation a year</source>
        <translation>Escalation a year</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Billed</translation>
    </message>
    <message>
        <source>Total rent</source>
        <translation>Total rent</translation>
    </message>
    <message>
        <source>Net effective rent</source>
        <translation>Net effective rent</translation>
    </message>
    <message>
        <source>Discounted</source>
        <translation>Discounted</translation>
    </message>
    <message>
        <source>First-year rent</source>
        <translation>First-year rent</translation>
    </message>
    <message>
        <source>Discounted at %1% a year</source>
        <translation>Discounted at %1% a year</translation>
    </message>
</context>
<context>
    <name>ReadingsCli</name>
    <message>
        <source>{file}: {rows} readings under the header on row {header}</source>
        <translation>{file}: {rows} readings under the header on row {header}</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: {rows} readings under the header on row {header}</source>
        <translation>{file}, sheet {sheet}: {rows} readings under the header on row {header}</translation>
    </message>
    <message>
        <source>{added} readings added, {corrected} corrected, {unchanged} already there, {rejected} rejected</source>
        <translation>{added} readings added, {corrected} corrected, {unchanged} already there, {rejected} rejected</translation>
    </message>
    <message>
        <source>{added} readings to add, {corrected} to correct, {unchanged} already there, {rejected} rejected</source>
        <translation>{added} readings to add, {corrected} to correct, {unchanged} already there, {rejected} rejected</translation>
    </message>
    <message>
        <source>Corrections:</source>
        <translation>Corrections:</translation>
    </message>
    <message>
        <source>row {row}  {meter}  {day}  {register}  {before} → {after}</source>
        <translation>row {row}  {meter}  {day}  {register}  {before} → {after}</translation>
    </message>
    <message>
        <source>Rollovers and replacements:</source>
        <translation>Rollovers and replacements:</translation>
    </message>
    <message>
        <source>The first {shown} of {count} flagged readings (written, to be checked before billing):</source>
        <translation>The first {shown} of {count} flagged readings (written, to be checked before billing):</translation>
    </message>
    <message>
        <source>The first {shown} of {count} flagged readings (to be checked before billing):</source>
        <translation>The first {shown} of {count} flagged readings (to be checked before billing):</translation>
    </message>
    <message>
        <source>The first {shown} of {count} rejected readings:</source>
        <translation>The first {shown} of {count} rejected readings:</translation>
    </message>
    <message>
        <source>row {row}  {meter}  {day}  {said}</source>
        <translation>row {row}  {meter}  {day}  {said}</translation>
    </message>
    <message>
        <source>{used} used since {previous_on}</source>
        <translation>{used} used since {previous_on}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… and {count} more</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>Dry run: nothing was written.</translation>
    </message>
    <message>
        <source>(no code)</source>
        <translation>(no code)</translation>
    </message>
    <message>
        <source>{file}: {rows} rows under the header on row {header}</source>
        <translation>{file}: {rows} rows under the header on row {header}</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: {rows} rows under the header on row {header}</source>
        <translation>{file}, sheet {sheet}: {rows} rows under the header on row {header}</translation>
    </message>
    <message>
        <source>{added} months added, {changed} changed, {unchanged} unchanged, {rejected} rejected</source>
        <translation>{added} months added, {changed} changed, {unchanged} unchanged, {rejected} rejected</translation>
    </message>
    <message>
        <source>{added} months to add, {changed} to change, {unchanged} unchanged, {rejected} rejected</source>
        <translation>{added} months to add, {changed} to change, {unchanged} unchanged, {rejected} rejected</translation>
    </message>
    <message>
        <source>Changes:</source>
        <translation>Changes:</translation>
    </message>
    <message>
        <source>{column} {before} → {after}</source>
        <translation>{column} {before} → {after}</translation>
    </message>
    <message>
        <source>The first {shown} of {count} rejected rows:</source>
        <translation>The first {shown} of {count} rejected rows:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>Receivables</name>
    <message>
        <source>not a day (YYYY-MM-DD): {text}</source>
        <translation>not a day (YYYY-MM-DD): {text}</translation>
    </message>
    <message>
        <source>cannot write {file}: {reason}</source>
        <translation>cannot write {file}: {reason}</translation>
    </message>
    <message>
        <source>wrote {file}</source>
        <translation>wrote {file}</translation>
    </message>
    <message>
        <source>By tenant</source>
        <translation>By tenant</translation>
    </message>
    <message>
        <source>By building</source>
        <translation>By building</translation>
    </message>
    <message>
        <source>Park summary</source>
        <translation>Park summary</translation>
    </message>
    <message>
        <source>Arrears</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <source>Credit score</source>
        <translation>Credit score</translation>
    </message>
    <message>
        <source>Risk tier</source>
        <translation>Risk tier</translation>
    </message>
    <message>
        <source>Ageing</source>
        <translation>Ageing</translation>
    </message>
    <message>
        <source>Share of open</source>
        <translation>Share of open</translation>
    </message>
    <message>
        <source>Collection rate</source>
        <translation>Collection rate</translation>
    </message>
    <message>
        <source>Bills due {start} – {end}, collected by {as_of}</source>
        <translation>Bills due {start} – {end}, collected by {as_of}</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Billed</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Collected</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Arrears:</source>
        <translation>Arrears:</translation>
    </message>
    <message>
        <source>{tenant}  {contract}  {amount}  overdue since {due} ({days} days), bills: {count}</source>
        <translation>{tenant}  {contract}  {amount}  overdue since {due} ({days} days), bills: {count}</translation>
    </message>
    <message>
        <source>Credit:</source>
        <translation>Credit:</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <source>0–30 days</source>
        <translation>0–30 days</translation>
    </message>
    <message>
        <source>31–60 days</source>
        <translation>31–60 days</translation>
    </message>
    <message>
        <source>61–90 days</source>
        <translation>61–90 days</translation>
    </message>
    <message>
        <source>Over 90 days</source>
        <translation>Over 90 days</translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation>Low risk</translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation>Medium risk</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>High risk</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>−{points}: the oldest overdue bill is {days} days past its due date ({due_on}); 1 point per {days_per_point} days, at most {cap}</source>
        <translation>−{points}: the oldest overdue bill is {days} days past its due date ({due_on}); 1 point per {days_per_point} days, at most {cap}</translation>
    </message>
    <message>
        <source>−{points}: {count} bills paid after their due date since {since} (at most {max_days_late} days late); {each} points each, at most {cap}</source>
        <translation>−{points}: {count} bills paid after their due date since {since} (at most {max_days_late} days late); {each} points each, at most {cap}</translation>
    </message>
    <message>
        <source>−{points}: court case of {on}, counted to {until}: {note}</source>
        <translation>−{points}: court case of {on}, counted to {until}: {note}</translation>
    </message>
    <message>
        <source>−{points}: tax notice of {on}, counted to {until}: {note}</source>
        <translation>−{points}: tax notice of {on}, counted to {until}: {note}</translation>
    </message>
    <message>
        <source>+{points}: a score stops at {floor}</source>
        <translation>+{points}: a score stops at {floor}</translation>
    </message>
    <message>
        <source>{kind} of {on} ({note}) ended on {until}: no points</source>
        <translation>{kind} of {on} ({note}) ended on {until}: no points</translation>
    </message>
    <message>
        <source>{kind} of {on} ({note}) counts from that day: no points yet</source>
        <translation>{kind} of {on} ({note}) counts from that day: no points yet</translation>
    </message>
    <message>
        <source>{kind} of {on} ({note}) is noted: no points for its kind</source>
        <translation>{kind} of {on} ({note}) is noted: no points for its kind</translation>
    </message>
    <message>
        <source>A credit signal could not be read: {entry}</source>
        <translation>A credit signal could not be read: {entry}</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Credit score %1 of 100 on %2: %3</source>
        <translation>Credit score %1 of 100 on %2: %3</translation>
    </message>
    <message>
        <source>No points off</source>
        <translation>No points off</translation>
    </message>
    <message>
        <source>Collection rate %1: %2 of %3 collected by %4 (bills due %5 – %6)</source>
        <translation>Collection rate %1: %2 of %3 collected by %4 (bills due %5 – %6)</translation>
    </message>
    <message>
        <source>Collection rate: no bills due %5 – %6</source>
        <translation>Collection rate: no bills due %5 – %6</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>Several buildings</source>
        <translation>Several buildings</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Total open</source>
        <translation>Total open</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>Bills</translation>
    </message>
    <message>
        <source>Bill numbers</source>
        <translation>Bill numbers</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Credit</translation>
    </message>
    <message>
        <source>Oldest due</source>
        <translation>Oldest due</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>Park</translation>
    </message>
    <message>
        <source>%1: receivables ageing as of %2 (%3)</source>
        <translation>%1: receivables ageing as of %2 (%3)</translation>
    </message>
</context>
<context>
    <name>ReceivablesFlow</name>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
<context>
    <name>ReceivablesWindow</name>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>ageing</source>
        <translation>ageing</translation>
    </message>
    <message>
        <source>The report could not be read: %1</source>
        <translation>The report could not be read: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>The workbook could not be written: %1</source>
        <translation>The workbook could not be written: %1</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Reading the receivables…</source>
        <translation>Reading the receivables…</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>Receivables</translation>
    </message>
    <message>
        <source>%1 open in %2 bills, %3 of it overdue; tenants in arrears: %4</source>
        <translation>%1 open in %2 bills, %3 of it overdue; tenants in arrears: %4</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>By tenant</source>
        <translation>By tenant</translation>
    </message>
    <message>
        <source>By building</source>
        <translation>By building</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>Park</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Arrears</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Credit</translation>
    </message>
</context>
<context>
    <name>RenewDialog</name>
    <message>
        <source>Enter a code and the rate as a number.</source>
        <translation>Enter a code and the rate as a number.</translation>
    </message>
    <message>
        <source>Renew %1</source>
        <translation>Renew %1</translation>
    </message>
    <message>
        <source>New contract code</source>
        <translation>New contract code</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Ends on</translation>
    </message>
    <message>
        <source>Rent per m² a month</source>
        <translation>Rent per m² a month</translation>
    </message>
    <message>
        <source>The follow-on contract starts on %1, the day after this one ends.</source>
        <translation>The follow-on contract starts on %1, the day after this one ends.</translation>
    </message>
</context>
<context>
    <name>RentRoll</name>
    <message>
        <source>{file}: {rows} rows under the header on row {header}</source>
        <translation>{file}: {rows} rows under the header on row {header}</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: {rows} rows under the header on row {header}</source>
        <translation>{file}, sheet {sheet}: {rows} rows under the header on row {header}</translation>
    </message>
    <message>
        <source>{imported} imported, {rejected} rejected, {already} already imported</source>
        <translation>{imported} imported, {rejected} rejected, {already} already imported</translation>
    </message>
    <message>
        <source>{imported} would be imported, {rejected} rejected, {already} already imported</source>
        <translation>{imported} would be imported, {rejected} rejected, {already} already imported</translation>
    </message>
    <message>
        <source>{count} new tenants: {names}</source>
        <translation>{count} new tenants: {names}</translation>
    </message>
    <message>
        <source>Rejected rows by reason: {reasons}</source>
        <translation>Rejected rows by reason: {reasons}</translation>
    </message>
    <message>
        <source>The first {shown} of {count} rejected rows:</source>
        <translation>The first {shown} of {count} rejected rows:</translation>
    </message>
    <message>
        <source>row {row}  {code}  {reasons}</source>
        <translation>row {row}  {code}  {reasons}</translation>
    </message>
    <message>
        <source>The rejected rows, with their reasons, are in {file}</source>
        <translation>The rejected rows, with their reasons, are in {file}</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>Dry run: nothing was written.</translation>
    </message>
    <message>
        <source>--map takes FIELD=COLUMN, not “{text}”; fields: {fields}</source>
        <translation>--map takes FIELD=COLUMN, not “{text}”; fields: {fields}</translation>
    </message>
    <message>
        <source>(no code)</source>
        <translation>(no code)</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… and {count} more</translation>
    </message>
    <message>
        <source>Contract code</source>
        <translation>Contract code</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>Area (m²)</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>Delivered on</translation>
    </message>
    <message>
        <source>Rent starts on</source>
        <translation>Rent starts on</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Ends on</translation>
    </message>
    <message>
        <source>Rent per m²</source>
        <translation>Rent per m²</translation>
    </message>
    <message>
        <source>Payment cycle</source>
        <translation>Payment cycle</translation>
    </message>
    <message>
        <source>Rent-free</source>
        <translation>Rent-free</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Property fee per m²</source>
        <translation>Property fee per m²</translation>
    </message>
    <message>
        <source>{field}: empty</source>
        <translation>{field}: empty</translation>
    </message>
    <message>
        <source>{field}: cannot read “{value}”</source>
        <translation>{field}: cannot read “{value}”</translation>
    </message>
    <message>
        <source>the rent-free period ends on {ends_on}, but rent starts on {rent_starts_on}</source>
        <translation>the rent-free period ends on {ends_on}, but rent starts on {rent_starts_on}</translation>
    </message>
    <message>
        <source>contract {code} is also on row {row}</source>
        <translation>contract {code} is also on row {row}</translation>
    </message>
    <message>
        <source>unit {unit} is also leased on row {row} ({contract}, {starts_on} to {ends_on}) for days this lease covers</source>
        <translation>unit {unit} is also leased on row {row} ({contract}, {starts_on} to {ends_on}) for days this lease covers</translation>
    </message>
    <message>
        <source>contract {code} is already in the workspace</source>
        <translation>contract {code} is already in the workspace</translation>
    </message>
    <message>
        <source>new tenant {tenant}</source>
        <translation>new tenant {tenant}</translation>
    </message>
    <message>
        <source>{file}: no such file</source>
        <translation>{file}: no such file</translation>
    </message>
    <message>
        <source>{file} is not an Excel (.xlsx, .xls) or CSV file</source>
        <translation>{file} is not an Excel (.xlsx, .xls) or CSV file</translation>
    </message>
    <message>
        <source>{file}: the file is empty</source>
        <translation>{file}: the file is empty</translation>
    </message>
    <message>
        <source>{file}: cannot read the file ({detail})</source>
        <translation>{file}: cannot read the file ({detail})</translation>
    </message>
    <message>
        <source>{file}: no column {column} (columns: {columns})</source>
        <translation>{file}: no column {column} (columns: {columns})</translation>
    </message>
    <message>
        <source>{file}: no column for {fields} (columns: {columns}); name them with --map FIELD=COLUMN</source>
        <translation>{file}: no column for {fields} (columns: {columns}); name them with --map FIELD=COLUMN</translation>
    </message>
    <message>
        <source>no field {field} in a rent roll (fields: {fields})</source>
        <translation>no field {field} in a rent roll (fields: {fields})</translation>
    </message>
    <message>
        <source>empty cell</source>
        <translation>empty cell</translation>
    </message>
    <message>
        <source>unreadable cell</source>
        <translation>unreadable cell</translation>
    </message>
    <message>
        <source>rent-free against the dates</source>
        <translation>rent-free against the dates</translation>
    </message>
    <message>
        <source>code twice in the file</source>
        <translation>code twice in the file</translation>
    </message>
    <message>
        <source>overlapping rows</source>
        <translation>overlapping rows</translation>
    </message>
    <message>
        <source>unknown unit</source>
        <translation>unknown unit</translation>
    </message>
    <message>
        <source>unit already leased</source>
        <translation>unit already leased</translation>
    </message>
    <message>
        <source>area mismatch</source>
        <translation>area mismatch</translation>
    </message>
    <message>
        <source>end before start</source>
        <translation>end before start</translation>
    </message>
    <message>
        <source>start before signing</source>
        <translation>start before signing</translation>
    </message>
</context>
<context>
    <name>RentRollDialog</name>
    <message>
        <source>will be imported</source>
        <translation>will be imported</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>already imported</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>Choose a rent roll</source>
        <translation>Choose a rent roll</translation>
    </message>
    <message>
        <source>Rent rolls (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>Rent rolls (*.xlsx *.xls *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Save the rejected rows</source>
        <translation>Save the rejected rows</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Import a rent roll</source>
        <translation>Import a rent roll</translation>
    </message>
    <message>
        <source>A rent roll is a spreadsheet (Excel or CSV) of the park's leases, one contract a row. Each row is checked as a contract would be when signed; nothing is written until you import, and then the valid rows are signed together. Rejected rows can be saved to a workbook with their reasons, corrected and imported again.</source>
        <translation>A rent roll is a spreadsheet (Excel or CSV) of the park's leases, one contract a row. Each row is checked as a contract would be when signed; nothing is written until you import, and then the valid rows are signed together. Rejected rows can be saved to a workbook with their reasons, corrected and imported again.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>Which column holds each field (bold: needed):</source>
        <translation>Which column holds each field (bold: needed):</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>Check the rows</translation>
    </message>
    <message>
        <source>Only rejected rows</source>
        <translation>Only rejected rows</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Save rejected rows…</source>
        <translation>Save rejected rows…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Checking every row…</translation>
    </message>
    <message>
        <source>Importing the valid rows…</source>
        <translation>Importing the valid rows…</translation>
    </message>
    <message>
        <source>Saving the rejected rows…</source>
        <translation>Saving the rejected rows…</translation>
    </message>
    <message>
        <source>Choose a rent roll to begin.</source>
        <translation>Choose a rent roll to begin.</translation>
    </message>
    <message>
        <source>Choose a column for: %1</source>
        <translation>Choose a column for: %1</translation>
    </message>
    <message>
        <source>Check the rows to see what an import would do.</source>
        <translation>Check the rows to see what an import would do.</translation>
    </message>
    <message>
        <source>%1 rows: %2 will be imported, %3 rejected, %4 already imported.</source>
        <translation>%1 rows: %2 will be imported, %3 rejected, %4 already imported.</translation>
    </message>
    <message>
        <source>%1 rows: %2 imported, %3 rejected, %4 already imported.</source>
        <translation>%1 rows: %2 imported, %3 rejected, %4 already imported.</translation>
    </message>
    <message>
        <source>New tenants: %1.</source>
        <translation>New tenants: %1.</translation>
    </message>
    <message>
        <source>Rejected rows saved to %1.</source>
        <translation>Rejected rows saved to %1.</translation>
    </message>
    <message>
        <source>The rejected rows could not be saved: %1</source>
        <translation>The rejected rows could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>RentRollFlow</name>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>Checking the rows of %1…</source>
        <translation>Checking the rows of %1…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <source>Rent roll: %1 contracts imported, %2 rows rejected</source>
        <translation>Rent roll: %1 contracts imported, %2 rows rejected</translation>
    </message>
    <message>
        <source>Import a rent roll</source>
        <translation>Import a rent roll</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Cancelled: nothing was written.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>{file} ({format}), units taken as {unit}</source>
        <translation>{file} ({format}), units taken as {unit}</translation>
    </message>
    <message>
        <source>{file} ({format})</source>
        <translation>{file} ({format})</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>unknown format</translation>
    </message>
    <message>
        <source>floor "{name}" of the drawing → level {level} ({evidence})</source>
        <translation>floor "{name}" of the drawing → level {level} ({evidence})</translation>
    </message>
    <message>
        <source>given with {option}</source>
        <translation>given with {option}</translation>
    </message>
    <message>
        <source>level: {message}</source>
        <translation>level: {message}</translation>
    </message>
    <message>
        <source>floor {name}: {rooms}</source>
        <translation>floor {name}: {rooms}</translation>
    </message>
    <message>
        <source>(stated {area})</source>
        <translation>(stated {area})</translation>
    </message>
    <message>
        <source>error: {message}</source>
        <translation>error: {message}</translation>
    </message>
    <message>
        <source>warning: {message}</source>
        <translation>warning: {message}</translation>
    </message>
    <message>
        <source>building {code}</source>
        <translation>building {code}</translation>
    </message>
    <message>
        <source>building {code} (new)</source>
        <translation>building {code} (new)</translation>
    </message>
    <message>
        <source>{floor} (level {level}): {added} added, {changed} changed, {unchanged} unchanged, {removed} removed, {kept} kept (under contract)</source>
        <translation>{floor} (level {level}): {added} added, {changed} changed, {unchanged} unchanged, {removed} removed, {kept} kept (under contract)</translation>
    </message>
    <message>
        <source>{floor} (level {level}, new): {added} added, {changed} changed, {unchanged} unchanged, {removed} removed, {kept} kept (under contract)</source>
        <translation>{floor} (level {level}, new): {added} added, {changed} changed, {unchanged} unchanged, {removed} removed, {kept} kept (under contract)</translation>
    </message>
    <message>
        <source>relabelled: {code} matched by overlap, label {room} differs from unit {unit}: {before} → {after} m²</source>
        <translation>relabelled: {code} matched by overlap, label {room} differs from unit {unit}: {before} → {after} m²</translation>
    </message>
    <message>
        <source>relabelled: {code} → {new_code}: its code {unit} was made of the drawing's internal handle, not a number a person can say</source>
        <translation>relabelled: {code} → {new_code}: its code {unit} was made of the drawing's internal handle, not a number a person can say</translation>
    </message>
    <message>
        <source>changed {code}: {before} → {after} m²</source>
        <translation>changed {code}: {before} → {after} m²</translation>
    </message>
    <message>
        <source>kept {code}: gone from the drawing but a contract points at it</source>
        <translation>kept {code}: gone from the drawing but a contract points at it</translation>
    </message>
    <message>
        <source>area {code}: leasable {leasable_before} → {leasable_after} m², billable {billable_before} → {billable_after} m²</source>
        <translation>area {code}: leasable {leasable_before} → {leasable_after} m², billable {billable_before} → {billable_after} m²</translation>
    </message>
    <message>
        <source>amendment needed: contract {contract}, unit {unit}: signed on {signed} m², now {now} m²</source>
        <translation>amendment needed: contract {contract}, unit {unit}: signed on {signed} m², now {now} m²</translation>
    </message>
    <message>
        <source>needs attention: contract {contracts}, unit {code}: matched by overlap to room {room}, whose label differs from unit {unit}</source>
        <translation>needs attention: contract {contracts}, unit {code}: matched by overlap to room {room}, whose label differs from unit {unit}</translation>
    </message>
    <message>
        <source>needs attention: contract {contracts}, unit {code} is now {new_code}: the contract names the old code</source>
        <translation>needs attention: contract {contracts}, unit {code} is now {new_code}: the contract names the old code</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Working out what the reversal does…</source>
        <translation>Working out what the reversal does…</translation>
    </message>
    <message>
        <source>Reversing it on %1:</source>
        <translation>Reversing it on %1:</translation>
    </message>
    <message>
        <source>Nothing is written until you press Reverse.</source>
        <translation>Nothing is written until you press Reverse.</translation>
    </message>
    <message>
        <source>Reversed on %1.</source>
        <translation>Reversed on %1.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Reverse a deposit movement of %1</source>
        <translation>Reverse a deposit movement of %1</translation>
    </message>
    <message>
        <source>%1 of %2 on %3</source>
        <translation>%1 of %2 on %3</translation>
    </message>
    <message>
        <source>Reversal dated</source>
        <translation>Reversal dated</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>e.g. typed wrong, the renewal called off</source>
        <translation>e.g. typed wrong, the renewal called off</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>Reverse</translation>
    </message>
</context>
<context>
    <name>SalesCli</name>
    <message>
        <source>{file}: {rows} rows under the header on row {header}</source>
        <translation>{file}: {rows} rows under the header on row {header}</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}: {rows} rows under the header on row {header}</source>
        <translation>{file}, sheet {sheet}: {rows} rows under the header on row {header}</translation>
    </message>
    <message>
        <source>{added} months added, {corrected} corrected, {unchanged} unchanged, {rejected} rejected</source>
        <translation>{added} months added, {corrected} corrected, {unchanged} unchanged, {rejected} rejected</translation>
    </message>
    <message>
        <source>{added} months to add, {corrected} to correct, {unchanged} unchanged, {rejected} rejected</source>
        <translation>{added} months to add, {corrected} to correct, {unchanged} unchanged, {rejected} rejected</translation>
    </message>
    <message>
        <source>Corrections:</source>
        <translation>Corrections:</translation>
    </message>
    <message>
        <source>row {row}  {contract}  {month}  {before} → {after}</source>
        <translation>row {row}  {contract}  {month}  {before} → {after}</translation>
    </message>
    <message>
        <source>The first {shown} of {count} rejected rows:</source>
        <translation>The first {shown} of {count} rejected rows:</translation>
    </message>
    <message>
        <source>row {row}  {contract}  {month}  {reasons}</source>
        <translation>row {row}  {contract}  {month}  {reasons}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… and {count} more</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>Dry run: nothing was written.</translation>
    </message>
    <message>
        <source>(no contract)</source>
        <translation>(no contract)</translation>
    </message>
</context>
<context>
    <name>SalesImport</name>
    <message>
        <source>{file}: no such file</source>
        <translation>{file}: no such file</translation>
    </message>
    <message>
        <source>{file}: the file is empty</source>
        <translation>{file}: the file is empty</translation>
    </message>
    <message>
        <source>{file}: cannot read the file ({detail})</source>
        <translation>{file}: cannot read the file ({detail})</translation>
    </message>
    <message>
        <source>{file}: neither UTF-8 nor GBK text</source>
        <translation>{file}: neither UTF-8 nor GBK text</translation>
    </message>
    <message>
        <source>{file}: no column for {fields} (columns: {columns}); the header names the contract (合同编号), the month (月份) and the sales (营业额)</source>
        <translation>{file}: no column for {fields} (columns: {columns}); the header names the contract (合同编号), the month (月份) and the sales (营业额)</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>contract</translation>
    </message>
    <message>
        <source>month</source>
        <translation>month</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>sales</translation>
    </message>
    <message>
        <source>{field}: empty</source>
        <translation>{field}: empty</translation>
    </message>
    <message>
        <source>{field}: cannot read “{value}”</source>
        <translation>{field}: cannot read “{value}”</translation>
    </message>
    <message>
        <source>sales {amount} below zero</source>
        <translation>sales {amount} below zero</translation>
    </message>
    <message>
        <source>no contract {contract} in the park</source>
        <translation>no contract {contract} in the park</translation>
    </message>
    <message>
        <source>contract {contract} has no turnover rent in {month}</source>
        <translation>contract {contract} has no turnover rent in {month}</translation>
    </message>
    <message>
        <source>{month} is outside the term {starts_on} – {ends_on}</source>
        <translation>{month} is outside the term {starts_on} – {ends_on}</translation>
    </message>
    <message>
        <source>{contract} {month} is also on row {rows}</source>
        <translation>{contract} {month} is also on row {rows}</translation>
    </message>
    <message>
        <source>{file} is not an Excel (.xlsx, .xls) or CSV file</source>
        <translation>{file} is not an Excel (.xlsx, .xls) or CSV file</translation>
    </message>
    <message>
        <source>will be added</source>
        <translation>will be added</translation>
    </message>
    <message>
        <source>added</source>
        <translation>added</translation>
    </message>
    <message>
        <source>will replace %1 → %2</source>
        <translation>will replace %1 → %2</translation>
    </message>
    <message>
        <source>replaced %1 → %2</source>
        <translation>replaced %1 → %2</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>Checking the rows of %1…</source>
        <translation>Checking the rows of %1…</translation>
    </message>
    <message>
        <source>%1: %2 rows; %3 to add, %4 to correct, %5 unchanged, %6 rejected. Nothing is written until you import.</source>
        <translation>%1: %2 rows; %3 to add, %4 to correct, %5 unchanged, %6 rejected. Nothing is written until you import.</translation>
    </message>
    <message>
        <source>%1: %2 rows; %3 added, %4 corrected, %5 unchanged, %6 rejected.</source>
        <translation>%1: %2 rows; %3 added, %4 corrected, %5 unchanged, %6 rejected.</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <source>Import sales: %1</source>
        <translation>Import sales: %1</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>SalesPanel</name>
    <message>
        <source>%1% of sales above the natural breakpoint (the base rent ÷ %1%)</source>
        <translation>%1% of sales above the natural breakpoint (the base rent ÷ %1%)</translation>
    </message>
    <message>
        <source>%1% of sales above %2 a month</source>
        <translation>%1% of sales above %2 a month</translation>
    </message>
    <message>
        <source>%1% up to %2</source>
        <translation>%1% up to %2</translation>
    </message>
    <message>
        <source>%1% beyond</source>
        <translation>%1% beyond</translation>
    </message>
    <message>
        <source>; by bands: %1</source>
        <translation>; by bands: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>; at least %1 a month</source>
        <translation>; at least %1 a month</translation>
    </message>
    <message>
        <source>; at most %1 a month</source>
        <translation>; at most %1 a month</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>entered</translation>
    </message>
    <message>
        <source>%1, row %2</source>
        <translation>%1, row %2</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Base rent</source>
        <translation>Base rent</translation>
    </message>
    <message>
        <source>Turnover rent</source>
        <translation>Turnover rent</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>Rent</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>not reported</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>saving…</translation>
    </message>
    <message>
        <source>No line of this month's own: it is billed with the period it belongs to.</source>
        <translation>No line of this month's own: it is billed with the period it belongs to.</translation>
    </message>
    <message>
        <source>No turnover rent is reckoned for this month: no rent is due for it.</source>
        <translation>No turnover rent is reckoned for this month: no rent is due for it.</translation>
    </message>
    <message>
        <source>No sales reported: the month bills the base rent alone until they are.</source>
        <translation>No sales reported: the month bills the base rent alone until they are.</translation>
    </message>
    <message>
        <source>Take back sales</source>
        <translation>Take back sales</translation>
    </message>
    <message>
        <source>Take back the sales of %1 (%2)? The month bills the base rent alone until its sales are reported again.</source>
        <translation>Take back the sales of %1 (%2)? The month bills the base rent alone until its sales are reported again.</translation>
    </message>
    <message>
        <source>Taking back the sales of %1…</source>
        <translation>Taking back the sales of %1…</translation>
    </message>
    <message>
        <source>Take back the sales of %1…</source>
        <translation>Take back the sales of %1…</translation>
    </message>
    <message>
        <source>Saving the sales of %1…</source>
        <translation>Saving the sales of %1…</translation>
    </message>
    <message>
        <source>%1: “%2” is not an amount of 0 or more.</source>
        <translation>%1: “%2” is not an amount of 0 or more.</translation>
    </message>
    <message>
        <source>The term starts on %1: sales are entered from its first month on.</source>
        <translation>The term starts on %1: sales are entered from its first month on.</translation>
    </message>
    <message>
        <source>Months %1 to %2; type a month's sales in its row.</source>
        <translation>Months %1 to %2; type a month's sales in its row.</translation>
    </message>
    <message>
        <source>%1 of %2 months reported, %3 not reported</source>
        <translation>%1 of %2 months reported, %3 not reported</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Import many contracts' monthly sales from an Excel or CSV file (columns: contract, month, sales)</source>
        <translation>Import many contracts' monthly sales from an Excel or CSV file (columns: contract, month, sales)</translation>
    </message>
</context>
<context>
    <name>ScheduleTable</name>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Total {charge}</source>
        <translation>Total {charge}</translation>
    </message>
    <message>
        <source>Total, every charge</source>
        <translation>Total, every charge</translation>
    </message>
    <message>
        <source>Copy as TSV</source>
        <translation>Copy as TSV</translation>
    </message>
</context>
<context>
    <name>SettlementDialog</name>
    <message>
        <source>Working out the settlement…</source>
        <translation>Working out the settlement…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Open bills: %1, %2 still owed.</source>
        <translation>Open bills: %1, %2 still owed.</translation>
    </message>
    <message>
        <source>Late fees accrued to %1: %2, billed on a final bill (%3).</source>
        <translation>Late fees accrued to %1: %2, billed on a final bill (%3).</translation>
    </message>
    <message>
        <source>No late fee accrued to %1.</source>
        <translation>No late fee accrued to %1.</translation>
    </message>
    <message>
        <source>Deposit held: %1; applied to the bills: %2.</source>
        <translation>Deposit held: %1; applied to the bills: %2.</translation>
    </message>
    <message>
        <source>Carried to the renewal before, not held: %1.</source>
        <translation>Carried to the renewal before, not held: %1.</translation>
    </message>
    <message>
        <source>To refund to the tenant: %1.</source>
        <translation>To refund to the tenant: %1.</translation>
    </message>
    <message>
        <source>Still owed once the deposit is applied: %1.</source>
        <translation>Still owed once the deposit is applied: %1.</translation>
    </message>
    <message>
        <source>Nothing is refunded and nothing is left owed.</source>
        <translation>Nothing is refunded and nothing is left owed.</translation>
    </message>
    <message>
        <source>Late fees to the day</source>
        <translation>Late fees to the day</translation>
    </message>
    <message>
        <source>Settled on %1:</source>
        <translation>Settled on %1:</translation>
    </message>
    <message>
        <source>Settling on %1:</source>
        <translation>Settling on %1:</translation>
    </message>
    <message>
        <source>Nothing is written until you press Settle.</source>
        <translation>Nothing is written until you press Settle.</translation>
    </message>
    <message>
        <source>Settle %1</source>
        <translation>Settle %1</translation>
    </message>
    <message>
        <source>The contract's open bills and the late fees accrued to the day are paid from its deposit, oldest first; what the deposit holds beyond them is refunded.</source>
        <translation>The contract's open bills and the late fees accrued to the day are paid from its deposit, oldest first; what the deposit holds beyond them is refunded.</translation>
    </message>
    <message>
        <source>Settle on</source>
        <translation>Settle on</translation>
    </message>
    <message>
        <source>Settle</source>
        <translation>Settle</translation>
    </message>
    <message>
        <source>No bill is open: the whole deposit is refunded.</source>
        <translation>No bill is open: the whole deposit is refunded.</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Bill</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Deposit applied</source>
        <translation>Deposit applied</translation>
    </message>
</context>
<context>
    <name>SiteFlow</name>
    <message>
        <source>Import site plan</source>
        <translation>Import site plan</translation>
    </message>
    <message>
        <source>Site plan not imported</source>
        <translation>Site plan not imported</translation>
    </message>
    <message>
        <source>Drawings (*.dxf *.dwg *.ifc);;All files (*)</source>
        <translation>Drawings (*.dxf *.dwg *.ifc);;All files (*)</translation>
    </message>
    <message>
        <source>The drawing has no site linework (roads, boundaries). Remove the previous site plan?</source>
        <translation>The drawing has no site linework (roads, boundaries). Remove the previous site plan?</translation>
    </message>
    <message>
        <source>Buildings placed on the site plan: %1</source>
        <translation>Buildings placed on the site plan: %1</translation>
    </message>
    <message>
        <source>Buildings that get their footprint from the drawing: %1</source>
        <translation>Buildings that get their footprint from the drawing: %1</translation>
    </message>
    <message>
        <source>Outlines naming no building of the park: %1</source>
        <translation>Outlines naming no building of the park: %1</translation>
    </message>
    <message>
        <source>Not in the drawing (laid out automatically): %1</source>
        <translation>Not in the drawing (laid out automatically): %1</translation>
    </message>
    <message>
        <source>The drawing's other linework becomes the site plan.</source>
        <translation>The drawing's other linework becomes the site plan.</translation>
    </message>
    <message>
        <source>The drawing has no site linework: the previous site plan is kept.</source>
        <translation>The drawing has no site linework: the previous site plan is kept.</translation>
    </message>
    <message>
        <source>The drawing has no site linework: the previous site plan is removed.</source>
        <translation>The drawing has no site linework: the previous site plan is removed.</translation>
    </message>
</context>
<context>
    <name>SpaceCommands</name>
    <message>
        <source>Split %1</source>
        <translation>Split %1</translation>
    </message>
    <message>
        <source>Merge %1</source>
        <translation>Merge %1</translation>
    </message>
    <message>
        <source>Reshape %1</source>
        <translation>Reshape %1</translation>
    </message>
    <message>
        <source>Draw unit %1</source>
        <translation>Draw unit %1</translation>
    </message>
    <message>
        <source>Draw a unit</source>
        <translation>Draw a unit</translation>
    </message>
    <message>
        <source>Set %1 to %2</source>
        <translation>Set %1 to %2</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Edit %1</translation>
    </message>
</context>
<context>
    <name>SpaceMenu</name>
    <message>
        <source>Open a workspace first</source>
        <translation>Open a workspace first</translation>
    </message>
    <message>
        <source>Choose a building or one of its floors in the park tree first</source>
        <translation>Choose a building or one of its floors in the park tree first</translation>
    </message>
    <message>
        <source>For building %1</source>
        <translation>For building %1</translation>
    </message>
    <message>
        <source>Area statement not read</source>
        <translation>Area statement not read</translation>
    </message>
    <message>
        <source>Reading the area statement…</source>
        <translation>Reading the area statement…</translation>
    </message>
    <message>
        <source>Save the area statement as PDF</source>
        <translation>Save the area statement as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Area statement not saved</source>
        <translation>Area statement not saved</translation>
    </message>
    <message>
        <source>Area statement saved to %1</source>
        <translation>Area statement saved to %1</translation>
    </message>
    <message>
        <source>Classify the rooms of %1</source>
        <translation>Classify the rooms of %1</translation>
    </message>
    <message>
        <source>Classify the rooms on %1</source>
        <translation>Classify the rooms on %1</translation>
    </message>
    <message>
        <source>%1: 1 room changed use</source>
        <translation>%1: 1 room changed use</translation>
    </message>
    <message>
        <source>%1: %2 rooms changed use</source>
        <translation>%1: %2 rooms changed use</translation>
    </message>
    <message>
        <source>&amp;Space</source>
        <translation>&amp;Space</translation>
    </message>
    <message>
        <source>&amp;Find space…</source>
        <translation>&amp;Find space…</translation>
    </message>
    <message>
        <source>&amp;Area statement…</source>
        <translation>&amp;Area statement…</translation>
    </message>
    <message>
        <source>&amp;Classify rooms again…</source>
        <translation>&amp;Classify rooms again…</translation>
    </message>
    <message>
        <source>&amp;Plan check</source>
        <translation>&amp;Plan check</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Open a workspace to begin, or try Leasemap on the demo park.</source>
        <translation>Open a workspace to begin, or try Leasemap on the demo park.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Recent workspaces</source>
        <translation>Recent workspaces</translation>
    </message>
    <message>
        <source>No recent workspaces yet.</source>
        <translation>No recent workspaces yet.</translation>
    </message>
    <message>
        <source>Open workspace…</source>
        <translation>Open workspace…</translation>
    </message>
    <message>
        <source>A .leasemap file on this computer or a shared drive</source>
        <translation>A .leasemap file on this computer or a shared drive</translation>
    </message>
    <message>
        <source>New workspace…</source>
        <translation>New workspace…</translation>
    </message>
    <message>
        <source>An empty workspace file</source>
        <translation>An empty workspace file</translation>
    </message>
    <message>
        <source>Open the demo park</source>
        <translation>Open the demo park</translation>
    </message>
    <message>
        <source>A made-up park of about 1,500 units to try Leasemap on</source>
        <translation>A made-up park of about 1,500 units to try Leasemap on</translation>
    </message>
    <message>
        <source>Import a floor plan…</source>
        <translation>Import a floor plan…</translation>
    </message>
    <message>
        <source>A DXF, DWG or IFC drawing, into a workspace you open</source>
        <translation>A DXF, DWG or IFC drawing, into a workspace you open</translation>
    </message>
</context>
<context>
    <name>Tariffs</name>
    <message>
        <source>Flat</source>
        <translation>Flat</translation>
    </message>
    <message>
        <source>Tiered</source>
        <translation>Tiered</translation>
    </message>
    <message>
        <source>Time of use</source>
        <translation>Time of use</translation>
    </message>
    <message>
        <source>On no meter</source>
        <translation>On no meter</translation>
    </message>
    <message>
        <source>On 1 meter</source>
        <translation>On 1 meter</translation>
    </message>
    <message>
        <source>On {count} meters</source>
        <translation>On {count} meters</translation>
    </message>
    <message>
        <source>{price} {currency}/{unit}</source>
        <translation>{price} {currency}/{unit}</translation>
    </message>
    <message>
        <source>{register} {price}</source>
        <translation>{register} {price}</translation>
    </message>
    <message>
        <source>{low}+ {price}</source>
        <translation>{low}+ {price}</translation>
    </message>
    <message>
        <source>{low}–{high} {unit} {price}</source>
        <translation>{low}–{high} {unit} {price}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Type a use of zero or more to see what it would cost.</source>
        <translation>Type a use of zero or more to see what it would cost.</translation>
    </message>
    <message>
        <source>Enter every price to see what a month's use would cost.</source>
        <translation>Enter every price to see what a month's use would cost.</translation>
    </message>
    <message>
        <source>{register} {quantity} × {price}</source>
        <translation>{register} {quantity} × {price}</translation>
    </message>
    <message>
        <source>{quantity} {unit} in each of its periods would cost {amount}</source>
        <translation>{quantity} {unit} in each of its periods would cost {amount}</translation>
    </message>
    <message>
        <source>{quantity} {unit} in a month would cost {amount}</source>
        <translation>{quantity} {unit} in a month would cost {amount}</translation>
    </message>
    <message>
        <source>{head}: {lines}</source>
        <translation>{head}: {lines}</translation>
    </message>
</context>
<context>
    <name>TariffsDialog</name>
    <message>
        <source>Reading the tariffs…</source>
        <translation>Reading the tariffs…</translation>
    </message>
    <message>
        <source>Blank: all use above</source>
        <translation>Blank: all use above</translation>
    </message>
    <message>
        <source>Each band ends at a month's total use; leave the last band's end blank: it takes all use above. A band's end belongs to it.</source>
        <translation>Each band ends at a month's total use; leave the last band's end blank: it takes all use above. A band's end belongs to it.</translation>
    </message>
    <message>
        <source>Peak, flat and valley each need a price; sharp only where the utility bills a sharp period. A meter's readings of each period are priced at its price.</source>
        <translation>Peak, flat and valley each need a price; sharp only where the utility bills a sharp period. A meter's readings of each period are priced at its price.</translation>
    </message>
    <message>
        <source>New tariff</source>
        <translation>New tariff</translation>
    </message>
    <message>
        <source>Name the tariff as the utility's notice does; a change of price later is a new version of it.</source>
        <translation>Name the tariff as the utility's notice does; a change of price later is a new version of it.</translation>
    </message>
    <message>
        <source>New version of {name}</source>
        <translation>New version of {name}</translation>
    </message>
    <message>
        <source>In force from its day until the next version's; a month it starts in is priced by days on each side.</source>
        <translation>In force from its day until the next version's; a month it starts in is priced by days on each side.</translation>
    </message>
    <message>
        <source>{name} from {day}</source>
        <translation>{name} from {day}</translation>
    </message>
    <message>
        <source>Bills already posted were priced at this version, so it is kept as it is. To correct it, add a new version from a later date.</source>
        <translation>Bills already posted were priced at this version, so it is kept as it is. To correct it, add a new version from a later date.</translation>
    </message>
    <message>
        <source>Change {name} from {day}</source>
        <translation>Change {name} from {day}</translation>
    </message>
    <message>
        <source>No bill has been priced at this version yet: it can still be changed.</source>
        <translation>No bill has been priced at this version yet: it can still be changed.</translation>
    </message>
    <message>
        <source>from {day}</source>
        <translation>from {day}</translation>
    </message>
    <message>
        <source>Bills were priced at it: kept as it is</source>
        <translation>Bills were priced at it: kept as it is</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>Coming</source>
        <translation>Coming</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Billed</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>From ({unit})</source>
        <translation>From ({unit})</translation>
    </message>
    <message>
        <source>Up to ({unit})</source>
        <translation>Up to ({unit})</translation>
    </message>
    <message>
        <source>Price ({per})</source>
        <translation>Price ({per})</translation>
    </message>
    <message>
        <source>Bills were priced at this version: it is kept</source>
        <translation>Bills were priced at this version: it is kept</translation>
    </message>
    <message>
        <source>Tariffs</source>
        <translation>Tariffs</translation>
    </message>
    <message>
        <source>Utility:</source>
        <translation>Utility:</translation>
    </message>
    <message>
        <source>A tariff is priced by its versions, each in force from its day until the next one's; a meter set on a tariff is priced at all of them. A version bills were priced at is kept as it is: a price change, or a correction, is a new version.</source>
        <translation>A tariff is priced by its versions, each in force from its day until the next one's; a meter set on a tariff is priced at all of them. A version bills were priced at is kept as it is: a price change, or a correction, is a new version.</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>Tariff</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Prices</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>New version</translation>
    </message>
    <message>
        <source>A new version of the tariff chosen, starting from its figures</source>
        <translation>A new version of the tariff chosen, starting from its figures</translation>
    </message>
    <message>
        <source>Archive version…</source>
        <translation>Archive version…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>In force from:</source>
        <translation>In force from:</translation>
    </message>
    <message>
        <source>As the utility names it</source>
        <translation>As the utility names it</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>Price:</translation>
    </message>
    <message>
        <source>0.85</source>
        <translation>0.85</translation>
    </message>
    <message>
        <source>{register}:</source>
        <translation>{register}:</translation>
    </message>
    <message>
        <source>blank: no sharp period</source>
        <translation>blank: no sharp period</translation>
    </message>
    <message>
        <source>Add band</source>
        <translation>Add band</translation>
    </message>
    <message>
        <source>Remove band</source>
        <translation>Remove band</translation>
    </message>
    <message>
        <source>Example, a month's use:</source>
        <translation>Example, a month's use:</translation>
    </message>
    <message>
        <source>Save version</source>
        <translation>Save version</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>TariffsFlow</name>
    <message>
        <source>Archive version</source>
        <translation>Archive version</translation>
    </message>
    <message>
        <source>Archive {name} from {day}? The version before it stays in force until the next one; meters set on it keep the tariff.</source>
        <translation>Archive {name} from {day}? The version before it stays in force until the next one; meters set on it keep the tariff.</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tariff {name} from {day} saved.</source>
        <translation>Tariff {name} from {day} saved.</translation>
    </message>
    <message>
        <source>Tariff {name} from {day} archived.</source>
        <translation>Tariff {name} from {day} archived.</translation>
    </message>
</context>
<context>
    <name>TaxRates</name>
    <message>
        <source>Rent</source>
        <translation>Rent</translation>
    </message>
    <message>
        <source>Parking</source>
        <translation>Parking</translation>
    </message>
    <message>
        <source>Property fee</source>
        <translation>Property fee</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Other charges</source>
        <translation>Other charges</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>Electricity</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>Water</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>Gas</translation>
    </message>
    <message>
        <source>Heating</source>
        <translation>Heating</translation>
    </message>
    <message>
        <source>Late fees</source>
        <translation>Late fees</translation>
    </message>
    <message>
        <source>Deposits</source>
        <translation>Deposits</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Type the charge's code: its kind, a colon and its name (service:空调费)</source>
        <translation>Type the charge's code: its kind, a colon and its name (service:空调费)</translation>
    </message>
    <message>
        <source>%1: name the charge after the colon, as its contracts do (service:空调费)</source>
        <translation>%1: name the charge after the colon, as its contracts do (service:空调费)</translation>
    </message>
    <message>
        <source>%1: a charge's code is at most %2 characters</source>
        <translation>%1: a charge's code is at most %2 characters</translation>
    </message>
    <message>
        <source>“%1”: a charge's code has no spaces around its kind, nor characters that are not text</source>
        <translation>“%1”: a charge's code has no spaces around its kind, nor characters that are not text</translation>
    </message>
</context>
<context>
    <name>TaxRatesDialog</name>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Type a rate for %1, or tick exempt: it stays exempt without one.</source>
        <translation>Type a rate for %1, or tick exempt: it stays exempt without one.</translation>
    </message>
    <message>
        <source>No VAT rate for %1: invoices for it are refused. Its kind is not one these rates know (another program billed it): type its rate, or tick exempt.</source>
        <translation>No VAT rate for %1: invoices for it are refused. Its kind is not one these rates know (another program billed it): type its rate, or tick exempt.</translation>
    </message>
    <message>
        <source>no rate</source>
        <translation>no rate</translation>
    </message>
    <message>
        <source>Tax rates</source>
        <translation>Tax rates</translation>
    </message>
    <message>
        <source>The VAT rate of each charge, as invoices are issued at it. A rate left empty is the default, shown greyed; type the park's own as a percentage (9 for 9%), or tick exempt for a charge not invoiced. Invoices already issued keep their rate.</source>
        <translation>The VAT rate of each charge, as invoices are issued at it. A rate left empty is the default, shown greyed; type the park's own as a percentage (9 for 9%), or tick exempt for a charge not invoiced. Invoices already issued keep their rate.</translation>
    </message>
    <message>
        <source>Below the kinds, the charges the park's contracts bill under a name of their own: each is taxed at its kind's rate until it is given its own.</source>
        <translation>Below the kinds, the charges the park's contracts bill under a name of their own: each is taxed at its kind's rate until it is given its own.</translation>
    </message>
    <message>
        <source>VAT rates</source>
        <translation>VAT rates</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>Park's rate</source>
        <translation>Park's rate</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>Exempt</translation>
    </message>
    <message>
        <source>exempt</source>
        <translation>exempt</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>No VAT rate: invoices for it are refused</source>
        <translation>No VAT rate: invoices for it are refused</translation>
    </message>
    <message>
        <source>No VAT rate for %1: invoices for it are refused, and no rate can be set for a code written so (a kind, a colon and a name, at most %2 characters).</source>
        <translation>No VAT rate for %1: invoices for it are refused, and no rate can be set for a code written so (a kind, a colon and a name, at most %2 characters).</translation>
    </message>
    <message>
        <source>Add charge…</source>
        <translation>Add charge…</translation>
    </message>
    <message>
        <source>Reset all to default</source>
        <translation>Reset all to default</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Contract template</source>
        <translation>Contract template</translation>
    </message>
    <message>
        <source>Double-click to insert at the cursor</source>
        <translation>Double-click to insert at the cursor</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Placeholders</source>
        <translation>Placeholders</translation>
    </message>
    <message>
        <source># starts the title, ## an article's heading; a blank line ends a paragraph; a block placeholder stands on a line of its own.</source>
        <translation># starts the title, ## an article's heading; a blank line ends a paragraph; a block placeholder stands on a line of its own.</translation>
    </message>
    <message>
        <source>The park's own template</source>
        <translation>The park's own template</translation>
    </message>
    <message>
        <source>The default template</source>
        <translation>The default template</translation>
    </message>
    <message>
        <source>A bilingual document pairs the Chinese and English templates article by article; until they pair, it cannot be made:</source>
        <translation>A bilingual document pairs the Chinese and English templates article by article; until they pair, it cannot be made:</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>TerminateDialog</name>
    <message>
        <source>The units are vacant from %1.</source>
        <translation>The units are vacant from %1.</translation>
    </message>
    <message>
        <source>Deposit to settle: %1</source>
        <translation>Deposit to settle: %1</translation>
    </message>
    <message>
        <source>%1 schedule lines are no longer due, %2 %3 in all.</source>
        <translation>%1 schedule lines are no longer due, %2 %3 in all.</translation>
    </message>
    <message>
        <source>Terminated on %1.</source>
        <translation>Terminated on %1.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Terminate %1</source>
        <translation>Terminate %1</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>No longer due</source>
        <translation>No longer due</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>Terminate</translation>
    </message>
    <message>
        <source>Settle…</source>
        <translation>Settle…</translation>
    </message>
</context>
<context>
    <name>ThreeLedgers</name>
    <message>
        <source>Cause</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Ledgers</source>
        <translation>Ledgers</translation>
    </message>
    <message>
        <source>Contract, bill or voucher</source>
        <translation>Contract, bill or voucher</translation>
    </message>
    <message>
        <source>Tenant or customer</source>
        <translation>Tenant or customer</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Operations</translation>
    </message>
    <message>
        <source>Schedule, plan or books</source>
        <translation>Schedule, plan or books</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <source>Debit − credit</source>
        <translation>Debit − credit</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Bill</translation>
    </message>
    <message>
        <source>Deposit carried from</source>
        <translation>Deposit carried from</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Bank reference</source>
        <translation>Bank reference</translation>
    </message>
    <message>
        <source>Customer in the books</source>
        <translation>Customer in the books</translation>
    </message>
    <message>
        <source>Vouchers</source>
        <translation>Vouchers</translation>
    </message>
    <message>
        <source>Entries in the books</source>
        <translation>Entries in the books</translation>
    </message>
    <message>
        <source>Contract id</source>
        <translation>Contract id</translation>
    </message>
    <message>
        <source>Bill id</source>
        <translation>Bill id</translation>
    </message>
    <message>
        <source>Entry id</source>
        <translation>Entry id</translation>
    </message>
    <message>
        <source>Payment id</source>
        <translation>Payment id</translation>
    </message>
    <message>
        <source>Unit id</source>
        <translation>Unit id</translation>
    </message>
    <message>
        <source>Tenant id</source>
        <translation>Tenant id</translation>
    </message>
    <message>
        <source>Wrote %1: %2 vouchers, %3 lines, debit %4 = credit %5</source>
        <translation>Wrote %1: %2 vouchers, %3 lines, debit %4 = credit %5</translation>
    </message>
    <message>
        <source>(as its header says)</source>
        <translation>(as its header says)</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Cancelled: nothing was written.</translation>
    </message>
    <message>
        <source>Export vouchers</source>
        <translation>Export vouchers</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>The accounting system's export</source>
        <translation>The accounting system's export</translation>
    </message>
    <message>
        <source>Spreadsheets and CSV (*.xlsx *.xls *.csv *.txt)</source>
        <translation>Spreadsheets and CSV (*.xlsx *.xls *.csv *.txt)</translation>
    </message>
    <message>
        <source>All differences (%1)</source>
        <translation>All differences (%1)</translation>
    </message>
    <message>
        <source>%1: imported %2 lines of the books (debit %3, credit %4); %5 imported before; %6 rows refused.</source>
        <translation>%1: imported %2 lines of the books (debit %3, credit %4); %5 imported before; %6 rows refused.</translation>
    </message>
    <message>
        <source>%1: %2 lines new to the park (debit %3, credit %4); %5 imported before; %6 rows refused. Nothing is written until you import.</source>
        <translation>%1: %2 lines new to the park (debit %3, credit %4); %5 imported before; %6 rows refused. Nothing is written until you import.</translation>
    </message>
    <message>
        <source>Choose the day and check: the schedules, the bills and receipts, and the books compared line by line.</source>
        <translation>Choose the day and check: the schedules, the bills and receipts, and the books compared line by line.</translation>
    </message>
    <message>
        <source>On %1 the contract and operations ledgers agree; the books were not compared.</source>
        <translation>On %1 the contract and operations ledgers agree; the books were not compared.</translation>
    </message>
    <message>
        <source>On %1: %2 differences of %3 causes between the contract and operations ledgers; the books were not compared.</source>
        <translation>On %1: %2 differences of %3 causes between the contract and operations ledgers; the books were not compared.</translation>
    </message>
    <message>
        <source>On %1 the three ledgers agree: %4 of our entries found among %5 lines of the books.</source>
        <translation>On %1 the three ledgers agree: %4 of our entries found among %5 lines of the books.</translation>
    </message>
    <message>
        <source>On %1: %2 differences of %3 causes; %4 of our entries found among %5 lines of the books.</source>
        <translation>On %1: %2 differences of %3 causes; %4 of our entries found among %5 lines of the books.</translation>
    </message>
    <message>
        <source>%1 deposit movements cannot be booked and are not compared (a reversal of a movement that is not there, or a kind not known).</source>
        <translation>%1 deposit movements cannot be booked and are not compared (a reversal of a movement that is not there, or a kind not known).</translation>
    </message>
    <message>
        <source>One voucher per bill, adjustment, receipt, allocation, refund and deposit movement of the range, each balanced; every line's summary starts with our reference, so the books imported back find us.</source>
        <translation>One voucher per bill, adjustment, receipt, allocation, refund and deposit movement of the range, each balanced; every line's summary starts with our reference, so the books imported back find us.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Writing the vouchers…</source>
        <translation>Writing the vouchers…</translation>
    </message>
    <message>
        <source>Reading the books…</source>
        <translation>Reading the books…</translation>
    </message>
    <message>
        <source>Importing the books…</source>
        <translation>Importing the books…</translation>
    </message>
    <message>
        <source>Three-ledger check</source>
        <translation>Three-ledger check</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Differences</translation>
    </message>
    <message>
        <source>Books</source>
        <translation>Books</translation>
    </message>
    <message>
        <source>Entries dated</source>
        <translation>Entries dated</translation>
    </message>
    <message>
        <source>English column headers</source>
        <translation>English column headers</translation>
    </message>
    <message>
        <source>&amp;Export vouchers…</source>
        <translation>&amp;Export vouchers…</translation>
    </message>
    <message>
        <source>The accounting system's posted lines (CSV or Excel): its columns are known by their headers (日期, 科目, 摘要, 借方, 贷方, 凭证号, 往来单位). Rehearse first; lines imported before are not added again.</source>
        <translation>The accounting system's posted lines (CSV or Excel): its columns are known by their headers (日期, 科目, 摘要, 借方, 贷方, 凭证号, 往来单位). Rehearse first; lines imported before are not added again.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>&amp;Rehearse</source>
        <translation>&amp;Rehearse</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>No file chosen</translation>
    </message>
</context>
<context>
    <name>UnitDetails</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Building / floor</source>
        <translation>Building / floor</translation>
    </message>
    <message>
        <source>Gross area (m²)</source>
        <translation>Gross area (m²)</translation>
    </message>
    <message>
        <source>Internal area (m²)</source>
        <translation>Internal area (m²)</translation>
    </message>
    <message>
        <source>Common-area share (m²)</source>
        <translation>Common-area share (m²)</translation>
    </message>
    <message>
        <source>Leasable area (m²)</source>
        <translation>Leasable area (m²)</translation>
    </message>
    <message>
        <source>Billable area (m²)</source>
        <translation>Billable area (m²)</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>Rent (per m² per month)</source>
        <translation>Rent (per m² per month)</translation>
    </message>
    <message>
        <source>Lease ends</source>
        <translation>Lease ends</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Asking rent (per m² per month)</source>
        <translation>Asking rent (per m² per month)</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>Ceiling height (m)</source>
        <translation>Ceiling height (m)</translation>
    </message>
    <message>
        <source>Floor load (kN/m²)</source>
        <translation>Floor load (kN/m²)</translation>
    </message>
    <message>
        <source>Power capacity (kW)</source>
        <translation>Power capacity (kW)</translation>
    </message>
    <message>
        <source>Fit-out</source>
        <translation>Fit-out</translation>
    </message>
    <message>
        <source>Tags (comma separated)</source>
        <translation>Tags (comma separated)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Asking rent (%1/m²/month)</source>
        <translation>Asking rent (%1/m²/month)</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>a whole number</translation>
    </message>
    <message>
        <source>a number, up to 1 decimal</source>
        <translation>a number, up to 1 decimal</translation>
    </message>
    <message>
        <source>a number, up to %1 decimals</source>
        <translation>a number, up to %1 decimals</translation>
    </message>
    <message>
        <source>no decimals</source>
        <translation>no decimals</translation>
    </message>
    <message>
        <source>at most 1 decimal</source>
        <translation>at most 1 decimal</translation>
    </message>
    <message>
        <source>at most %1 decimals</source>
        <translation>at most %1 decimals</translation>
    </message>
    <message>
        <source>at most %1 characters (now %2)</source>
        <translation>at most %1 characters (now %2)</translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation>cannot be negative</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>at most %1</translation>
    </message>
    <message>
        <source>not one of the choices</source>
        <translation>not one of the choices</translation>
    </message>
    <message>
        <source>cannot be edited by hand</source>
        <translation>cannot be edited by hand</translation>
    </message>
    <message>
        <source>not saved: %1</source>
        <translation>not saved: %1</translation>
    </message>
    <message>
        <source>set by hand</source>
        <translation>set by hand</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 and %2 more</translation>
    </message>
    <message>
        <source>%1 split %2 → %3</source>
        <translation>%1 split %2 → %3</translation>
    </message>
    <message>
        <source>%1 merged %2 → %3</source>
        <translation>%1 merged %2 → %3</translation>
    </message>
    <message>
        <source>%1 reshaped %3</source>
        <translation>%1 reshaped %3</translation>
    </message>
    <message>
        <source>%1 drawn as %3</source>
        <translation>%1 drawn as %3</translation>
    </message>
    <message>
        <source>%1 use changed: %3</source>
        <translation>%1 use changed: %3</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>No unit selected</source>
        <translation>No unit selected</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Why: %1</translation>
    </message>
    <message>
        <source>No space edits: as imported or entered.</source>
        <translation>No space edits: as imported or entered.</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Rent (%1/m²/month)</source>
        <translation>Rent (%1/m²/month)</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Use</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
</context>
<context>
    <name>UnitTable</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Billable m²</source>
        <translation>Billable m²</translation>
    </message>
    <message>
        <source>Internal m²</source>
        <translation>Internal m²</translation>
    </message>
    <message>
        <source>Asking rent</source>
        <translation>Asking rent</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>Rent</translation>
    </message>
    <message>
        <source>Lease ends</source>
        <translation>Lease ends</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>Vacant</source>
        <translation>Vacant</translation>
    </message>
    <message>
        <source>Occupied</source>
        <translation>Occupied</translation>
    </message>
    <message>
        <source>Signed, not started</source>
        <translation>Signed, not started</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reserved</translation>
    </message>
    <message>
        <source>Under renovation or frozen</source>
        <translation>Under renovation or frozen</translation>
    </message>
    <message>
        <source>Not leasable</source>
        <translation>Not leasable</translation>
    </message>
    <message>
        <source>Common area</source>
        <translation>Common area</translation>
    </message>
    <message>
        <source>%1 /m²/month</source>
        <translation>%1 /m²/month</translation>
    </message>
    <message>
        <source>%1 (%2/m²/month)</source>
        <translation>%1 (%2/m²/month)</translation>
    </message>
    <message>
        <source>Search code, name, tenant, tag…</source>
        <translation>Search code, name, tenant, tag…</translation>
    </message>
    <message>
        <source>%1 of %2 units, reading the rest…</source>
        <translation>%1 of %2 units, reading the rest…</translation>
    </message>
    <message>
        <source>%1 of %2 units</source>
        <translation>%1 of %2 units</translation>
    </message>
</context>
<context>
    <name>ValidationDock</name>
    <message>
        <source>Plan check</source>
        <translation>Plan check</translation>
    </message>
</context>
<context>
    <name>ValidationPanel</name>
    <message>
        <source>Overlap: %1 share %2 m²</source>
        <translation>Overlap: %1 share %2 m²</translation>
    </message>
    <message>
        <source>Gap of %1 m² between %2</source>
        <translation>Gap of %1 m² between %2</translation>
    </message>
    <message>
        <source>Gap of %1 m² between units</source>
        <translation>Gap of %1 m² between units</translation>
    </message>
    <message>
        <source>Sliver: %1 is only %2 m wide (at least %3 m)</source>
        <translation>Sliver: %1 is only %2 m wide (at least %3 m)</translation>
    </message>
    <message>
        <source>Sliver: %1 is too narrow</source>
        <translation>Sliver: %1 is too narrow</translation>
    </message>
    <message>
        <source>Outside: %1 lies %2 m² outside the floor outline</source>
        <translation>Outside: %1 lies %2 m² outside the floor outline</translation>
    </message>
    <message>
        <source>Area: %1 is stated as %2 m² but drawn as %3 m²</source>
        <translation>Area: %1 is stated as %2 m² but drawn as %3 m²</translation>
    </message>
    <message>
        <source>No problems found on this floor</source>
        <translation>No problems found on this floor</translation>
    </message>
    <message>
        <source>Findings on this floor: %1</source>
        <translation>Findings on this floor: %1</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>