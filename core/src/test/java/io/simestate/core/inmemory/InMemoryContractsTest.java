package io.simestate.core.inmemory;

import io.simestate.core.alert.AlertDecisionLog;
import io.simestate.core.alert.AlertRepeatGuard;
import io.simestate.core.alert.DeliveryOutbox;
import io.simestate.core.alert.RecipientDirectory;
import io.simestate.core.audit.AuditTrail;
import io.simestate.core.contract.AlertDecisionLogContract;
import io.simestate.core.contract.AlertRoutingContract;
import io.simestate.core.contract.AlertRepeatGuardContract;
import io.simestate.core.contract.AuditTrailContract;
import io.simestate.core.contract.CsvImportContract;
import io.simestate.core.contract.CustomerStoreContract;
import io.simestate.core.contract.DeliveryOperationsContract;
import io.simestate.core.contract.DeliveryOutboxContract;
import io.simestate.core.contract.RetentionContract;
import io.simestate.core.contract.LimitsContract;
import io.simestate.core.contract.LookAlikeNamesContract;
import io.simestate.core.contract.PortalAnswersContract;
import io.simestate.core.contract.RecipientDirectoryContract;
import io.simestate.core.contract.SentRecorderContract;
import io.simestate.core.contract.SimAssignmentStoreContract;
import io.simestate.core.contract.SimEstateContract;
import io.simestate.core.contract.TenantSettingsContract;
import io.simestate.core.contract.TransactionsContract;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.sim.SimAssignmentStore;
import org.junit.jupiter.api.Nested;

/** The in-memory adapter passes every port contract; a fresh store per test. */
class InMemoryContractsTest {

  private final InMemoryPersistence persistence = InMemoryPersistence.create();

  @Nested
  class CustomerStoreTest extends CustomerStoreContract {
    @Override
    protected CustomerStore customerStore() {
      return persistence.customers();
    }
  }

  @Nested
  class SimAssignmentStoreTest extends SimAssignmentStoreContract {
    @Override
    protected CustomerStore customerStore() {
      return persistence.customers();
    }

    @Override
    protected SimAssignmentStore simAssignmentStore() {
      return persistence.simAssignments();
    }
  }

  @Nested
  class RecipientDirectoryTest extends RecipientDirectoryContract {
    @Override
    protected CustomerStore customerStore() {
      return persistence.customers();
    }

    @Override
    protected SimAssignmentStore simAssignmentStore() {
      return persistence.simAssignments();
    }

    @Override
    protected RecipientDirectory recipientDirectory() {
      return persistence.recipients();
    }
  }

  @Nested
  class DeliveryOutboxTest extends DeliveryOutboxContract {
    @Override
    protected DeliveryOutbox deliveryOutbox() {
      return persistence.outbox();
    }
  }

  @Nested
  class SentRecorderTest extends SentRecorderContract {
    @Override
    protected Persistence persistence() {
      return persistence;
    }
  }

  @Nested
  class AlertDecisionLogTest extends AlertDecisionLogContract {
    @Override
    protected AlertDecisionLog alertDecisionLog() {
      return persistence.decisions();
    }
  }

  @Nested
  class AlertRepeatGuardTest extends AlertRepeatGuardContract {
    @Override
    protected AlertRepeatGuard alertRepeatGuard() {
      return persistence.repeatGuard();
    }
  }

  @Nested
  class AuditTrailTest extends AuditTrailContract {
    @Override
    protected AuditTrail auditTrail() {
      return persistence.auditTrail();
    }
  }

  @Nested
  class UseCasesTest extends SimEstateContract {
    @Override
    protected Persistence persistence() {
      return persistence;
    }
  }

  @Nested
  class LookAlikeNamesTest extends LookAlikeNamesContract {
    @Override
    protected Persistence persistence() {
      return persistence;
    }
  }

  @Nested
  class AlertRoutingTest extends AlertRoutingContract {
    @Override
    protected Persistence persistence() {
      return persistence;
    }
  }

  @Nested
  class CsvImportTest extends CsvImportContract {
    @Override
    protected Persistence persistence() {
      return persistence;
    }
  }

  @Nested
  class PortalAnswersTest extends PortalAnswersContract {
    @Override
    protected Persistence persistence() {
      return persistence;
    }
  }

  @Nested
  class LimitsTest extends LimitsContract {
    @Override
    protected Persistence persistence() {
      return persistence;
    }
  }

  @Nested
  class TransactionsTest extends TransactionsContract {
    @Override
    protected Persistence persistence() {
      return persistence;
    }
  }

  @Nested
  class DeliveryOperationsTest extends DeliveryOperationsContract {
    @Override
    protected Persistence persistence() {
      return persistence;
    }
  }

  @Nested
  class RetentionTest extends RetentionContract {
    @Override
    protected Persistence persistence() {
      return persistence;
    }
  }

  @Nested
  class TenantSettingsTest extends TenantSettingsContract {
    @Override
    protected Persistence persistence() {
      return persistence;
    }
  }
}
