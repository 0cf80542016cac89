package io.simestate.spring;

import io.simestate.core.SimEstateException;
import io.simestate.core.Transactions;
import io.simestate.core.UnavailableException;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SIM Estate's transactions on the application's transaction manager: a use case joins the caller's
 * transaction ({@code @Transactional}) and starts one of its own when there is none. A SIM Estate
 * exception inside a caller's transaction marks that transaction rollback-only, since what the use
 * case wrote before failing must not be committed.
 */
final class SpringTransactions implements Transactions {

  private final TransactionTemplate required;

  SpringTransactions(PlatformTransactionManager transactionManager) {
    this.required = new TransactionTemplate(transactionManager);
    this.required.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    try {
      return required.execute(status -> work.get());
    } catch (SimEstateException e) {
      throw e;
    } catch (TransactionException e) {
      throw new UnavailableException("The database transaction failed; nothing took effect", e);
    }
  }
}
