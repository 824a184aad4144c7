package de.pinnwand.accounts;

import de.pinnwand.web.NotFound;

/** No such account, or one the asker may not see. */
public class AccountNotFound extends NotFound {

	public AccountNotFound() {
		super("No such account");
	}

}
