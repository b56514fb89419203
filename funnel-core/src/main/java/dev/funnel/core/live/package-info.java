/**
 * A live funnel for hosts that see events one at a time (CRM plugins, services).
 *
 * <p>Feed a {@link dev.funnel.core.live.LiveFunnel} with {@link dev.funnel.core.live.LiveEvent}s
 * (dataset rows under the host's identity, with versions for corrections) in any order and any
 * batches; ask its {@link dev.funnel.core.live.LiveFunnel#snapshot() snapshot} the batch
 * questions (equal answers by construction); move its clock with
 * {@link dev.funnel.core.live.LiveFunnel#advanceTo} to collect the
 * {@link dev.funnel.core.live.Firing}s of its {@link dev.funnel.core.live.TriggerRule}s; save and
 * restore it with {@link dev.funnel.core.live.LiveFunnel#toBytes()} and
 * {@link dev.funnel.core.live.LiveFunnel#restore}.
 */
package dev.funnel.core.live;
